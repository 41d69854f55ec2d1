/**
 * Who may do what, in one place: the roles someone holds per municipality, what each role may
 * do there, and which personal links (and so which answers) they see. Plain functions over a
 * person's memberships or an API token, so the middleware, the routes and the pages all ask
 * the same rules.
 */
import type { Municipality } from './municipality.ts';
import type { Role } from './vocabulary.ts';

/** One role held in one municipality; someone with two roles there has two. */
export interface Member {
  municipalityId: string;
  role: Role;
  /** The unit they work in there, if any (a school, a health station). */
  unitId?: string | null;
  /** An admin the municipality has explicitly let read every answer there. */
  readsAnswers?: boolean;
}

/** Someone acting: a signed-in person, or an API token. `id` is what links they make record as `created_by`. */
export interface Actor {
  id: string;
  memberships: readonly Member[];
}

/** What each role may do in the municipality it is held in. */
const ABILITIES = {
  /** Make, follow and revoke personal links, and read the answers that came in through those they see. */
  links: ['staff', 'admin'],
  /** Start consents for cooperation, follow them in the register, check them and register withdrawals. */
  consents: ['staff', 'admin'],
  /** People and roles, units, settings, the audit log and API tokens. */
  administer: ['admin'],
  /** User-insight rounds: plan, open and close them, curate quotes, read the published figures (never an answer). */
  insight: ['planner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Ability = keyof typeof ABILITIES;

export const rolesIn = (memberships: readonly Member[], municipalityId: string): Role[] =>
  memberships.filter((membership) => membership.municipalityId === municipalityId).map((membership) => membership.role);

export const may = (memberships: readonly Member[], ability: Ability, municipalityId: string): boolean =>
  rolesIn(memberships, municipalityId).some((role) => (ABILITIES[ability] as readonly Role[]).includes(role));

/** Any role in the municipality lets a person in there (signing in at its identity provider, for one). */
export const isMember = (memberships: readonly Member[], municipalityId: string) => rolesIn(memberships, municipalityId).length > 0;

/** Only someone with a role in some municipality is sent a sign-in link. */
export const maySignIn = (memberships: readonly Member[]) => memberships.length > 0;

/**
 * Reading every answer of a municipality is no role's ability: administering people, units and
 * settings does not need it. The municipality grants it to an admin explicitly (audited).
 */
export const readsAllAnswers = (memberships: readonly Member[], municipalityId: string): boolean =>
  memberships.some((membership) => membership.municipalityId === municipalityId && membership.role === 'admin' && membership.readsAnswers === true);

/**
 * A token acts for its own municipality's case-management system, and for no other: it sees
 * all of that municipality's links and answers, as the system of record for every case. Its id
 * names it apart from people.
 */
export const tokenActor = (token: { id: string; municipalityId: string }): Actor => ({
  id: `token:${token.id}`,
  memberships: [{ municipalityId: token.municipalityId, role: 'admin', unitId: null, readsAnswers: true }],
});

/** The units someone works in within one municipality. */
const unitsIn = (memberships: readonly Member[], municipalityId: string) =>
  memberships.flatMap((membership) => (membership.municipalityId === municipalityId && membership.unitId ? [membership.unitId] : []));

/** The links someone sees besides all (undefined): those they made, and those filed under these units. */
export interface LinkVisibility {
  personId: string;
  unitIds: string[];
}

type Settings = Pick<Municipality, 'id' | 'linkVisibility'>;

/**
 * Which links (and so which answers) someone may see, admins included: their own, and their
 * unit's where the municipality has chosen that rule (`unit`); all of the municipality's only
 * with the explicit grant (`readsAllAnswers`).
 */
export function visibleLinks(actor: Actor, municipality: Settings): LinkVisibility | undefined {
  if (readsAllAnswers(actor.memberships, municipality.id)) return undefined;
  return { personId: actor.id, unitIds: municipality.linkVisibility === 'unit' ? unitsIn(actor.memberships, municipality.id) : [] };
}

/** One link: only in this municipality, only for someone who works with links here, and then by `visibleLinks`. */
export function canSeeLink(actor: Actor, municipality: Settings, link: { municipalityId: string; createdBy: string; unitId: string | null }): boolean {
  if (link.municipalityId !== municipality.id || !may(actor.memberships, 'links', municipality.id)) return false;
  const visible = visibleLinks(actor, municipality);
  if (!visible) return true;
  return link.createdBy === visible.personId || (!!link.unitId && visible.unitIds.includes(link.unitId));
}

/** The unit a new link is filed under: the sender's unit in this municipality, if they have one. */
export const senderUnit = (memberships: readonly Member[], municipalityId: string) => unitsIn(memberships, municipalityId)[0] ?? null;
