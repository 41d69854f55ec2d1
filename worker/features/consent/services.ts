/**
 * The services a consent can name. Each municipality edits its own list; every change is a
 * new version, and a consent copies the services it was started with.
 */
import * as v from 'valibot';
import { Id, Text } from '../../core/language.ts';

export const Service = v.strictObject({
  id: Id,
  /** A health service needs the child's own consent from 16. */
  health: v.boolean(),
  label: Text,
  /** One plain line on what the service is, for a reader new to Norwegian services. */
  explanation: Text,
  /** Where the service gets notices (a consent given or withdrawn): a shared work address, never a person's. */
  notify: v.optional(v.pipe(v.string(), v.trim(), v.email(), v.maxLength(254))),
});
export type Service = v.InferOutput<typeof Service>;

/** A list longer than this is not a list a guardian can read. */
export const MAX_SERVICES = 40;

export const ServiceList = v.pipe(
  v.array(Service),
  v.minLength(1),
  v.maxLength(MAX_SERVICES),
  v.check((services) => new Set(services.map((service) => service.id)).size === services.length, 'duplicateService'),
);

const service = (id: string, health: boolean, label: Text, explanation: Text): Service => ({ id, health, label, explanation });

/** The list from the municipal plans (seed 001, the consent template), used until an admin edits it. */
export const DEFAULT_SERVICES: Service[] = [
  service(
    'health-station',
    true,
    { nb: 'Helsestasjon og skolehelsetjeneste', nn: 'Helsestasjon og skulehelseteneste', en: 'Health station and school health service' },
    {
      nb: 'Helsesykepleier følger med på helsen til barn og unge.',
      nn: 'Helsesjukepleiar følgjer med på helsa til born og unge.',
      en: 'Public health nurses who follow the health of children and young people.',
    },
  ),
  service('midwife', true, { nb: 'Jordmor', nn: 'Jordmor', en: 'Midwife' }, {
    nb: 'Jordmor hjelper mor før og etter fødsel.',
    nn: 'Jordmor hjelper mor før og etter fødsel.',
    en: 'Helps the mother before and after the birth.',
  }),
  service('resource-teacher', false, { nb: 'Ressurspedagog', nn: 'Ressurspedagog', en: 'Resource teacher' }, {
    nb: 'En lærer som gir ekstra støtte i barnehage og skole.',
    nn: 'Ein lærar som gir ekstra støtte i barnehage og skule.',
    en: 'A teacher who gives extra support in kindergarten and school.',
  }),
  service('school', false, { nb: 'Skole', nn: 'Skule', en: 'School' }, {
    nb: 'Barnets skole og SFO.',
    nn: 'Skulen og SFO til barnet.',
    en: "The child's school and after-school club.",
  }),
  service('kindergarten', false, { nb: 'Barnehage', nn: 'Barnehage', en: 'Kindergarten' }, {
    nb: 'Barnets barnehage.',
    nn: 'Barnehagen til barnet.',
    en: "The child's kindergarten.",
  }),
  service('gp', true, { nb: 'Fastlege', nn: 'Fastlege', en: 'GP (family doctor)' }, {
    nb: 'Legen barnet har fast.',
    nn: 'Legen barnet har fast.',
    en: "The child's own doctor.",
  }),
  service('physiotherapist', true, { nb: 'Fysioterapeut', nn: 'Fysioterapeut', en: 'Physiotherapist' }, {
    nb: 'Hjelper med kropp og bevegelse.',
    nn: 'Hjelper med kropp og rørsle.',
    en: 'Helps with the body and movement.',
  }),
  service('child-welfare', false, { nb: 'Barnevern', nn: 'Barnevern', en: 'Child welfare service' }, {
    nb: 'Hjelper barn og familier når hjemmet trenger støtte.',
    nn: 'Hjelper born og familiar når heimen treng støtte.',
    en: 'Helps children and families when the home needs support.',
  }),
  service('ppt', false, { nb: 'PP-tjenesten (PPT)', nn: 'PP-tenesta (PPT)', en: 'Educational psychology service (PPT)' }, {
    nb: 'PPT hjelper barn som trenger mer hjelp til å lære.',
    nn: 'PPT hjelper born som treng meir hjelp til å læra.',
    en: 'Helps children who need more help to learn.',
  }),
  service('psychologist', true, { nb: 'Kommunepsykolog', nn: 'Kommunepsykolog', en: 'Municipal psychologist' }, {
    nb: 'En psykolog i kommunen. Hjelper med tanker og følelser.',
    nn: 'Ein psykolog i kommunen. Hjelper med tankar og kjensler.',
    en: 'A psychologist in the municipality who helps with thoughts and feelings.',
  }),
  service('follow-up', false, { nb: 'Kommunal oppfølgingstjeneste (KOT)', nn: 'Kommunal oppfølgingsteneste (KOT)', en: 'Municipal follow-up service' }, {
    nb: 'Hjelper unge som ikke går på skole eller har jobb.',
    nn: 'Hjelper unge som ikkje går på skule eller har jobb.',
    en: 'Helps young people who are not in school or work.',
  }),
  service('nav', false, { nb: 'NAV', nn: 'NAV', en: 'NAV (labour and welfare office)' }, {
    nb: 'Hjelper med jobb, penger og bolig.',
    nn: 'Hjelper med jobb, pengar og bustad.',
    en: 'Helps with work, money and housing.',
  }),
  service('specialist-health', true, { nb: 'Spesialisthelsetjenesten', nn: 'Spesialisthelsetenesta', en: 'Specialist health service' }, {
    nb: 'Sykehus og BUP. BUP hjelper barn med psykisk helse.',
    nn: 'Sjukehus og BUP. BUP hjelper born med psykisk helse.',
    en: "Hospitals and the child and adolescent mental health service (BUP).",
  }),
  service('other', false, { nb: 'Andre', nn: 'Andre', en: 'Others' }, {
    nb: 'Andre som de voksne rundt barnet avtaler med deg.',
    nn: 'Andre som dei vaksne rundt barnet avtalar med deg.',
    en: 'Others that the adults around the child agree with you.',
  }),
];
