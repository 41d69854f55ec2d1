import type { Env } from './env.ts';
import { Links } from '../features/links/index.ts';
import { Drafts, resealAnswers, Responses } from '../features/respond/index.ts';
import { resealMeetingRecords } from '../features/assessment/index.ts';
import { People } from '../features/staff/index.ts';
import { lapseReminders, recordExpiries, resealConsents } from '../features/consent/index.ts';
import { publishClosedRound, purgeOldRounds } from '../features/insight/index.ts';
import { keyringFor } from './keys.ts';
import { purgeDelivered } from './outbox/enqueue.ts';
import { purgeRateLimits } from './storage/rate-limits.ts';
import { Database } from './storage/database.ts';
import { municipalityBinding, openDirectory } from './storage/open.ts';

/**
 * Nightly clean-up: old rate-limit windows, expired sessions and sign-in tokens in the
 * directory; expired drafts, rate-limit windows and messages delivered over 90 days ago in every
 * municipality database, each once;
 * answers and their links past each municipality's retention, and the answers and quotes of
 * user-insight rounds that ended before it. The audit log is kept: it is the
 * record of access.
 */
export async function purgeAll(env: Env, now: Date) {
  const directory = openDirectory(env);
  await directory.purgeExpired(now);
  await new People(env.DB).purgeExpired(now);
  const municipalities = await directory.municipalities();
  // The directory's database too: sign-in mail waits there.
  const bindings = new Map([['DB', new Database(env.DB)], ...municipalities.map((municipality) => [municipality.database, new Database(municipalityBinding(env, municipality))] as const)]);
  // One database failing must not keep the others from being cleaned.
  const results = await Promise.allSettled([
    ...[...bindings.values()].map((database) => database.commit([new Drafts(database).purgeExpired(now), purgeRateLimits(database, now), purgeDelivered(database.db, now)])),
    ...municipalities.map((municipality) => {
      const database = bindings.get(municipality.database)!;
      const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - municipality.responseRetentionMonths, 1));
      return database.commit([
        new Responses(database).purgeOld(municipality.id, cutoff.toISOString().slice(0, 7)),
        new Links(database).purgeOld(municipality.id, cutoff, now),
        ...purgeOldRounds(database, municipality.id, cutoff.toISOString().slice(0, 10)),
      ]);
    }),
  ]);
  // Values sealed with an old key moved to the newest (consents, answers, drafts, meeting
  // records), staff reminded before a consent lapses, and each lapse written to its consent's log.
  const people = new People(env.DB);
  const consentResults = await Promise.allSettled(
    municipalities.map(async (municipality) => {
      const database = bindings.get(municipality.database)!;
      const keyring = await keyringFor(env);
      const reminders = env.PUBLIC_ORIGIN ? await lapseReminders(database, municipality, async (id) => (await people.byId(id))?.email, env.PUBLIC_ORIGIN, now) : [];
      const resealed = [...(await resealConsents(database, keyring, municipality.id)), ...(await resealAnswers(database, keyring, municipality.id)), ...(await resealMeetingRecords(database, keyring, municipality.id))];
      return database.commit([...resealed, ...reminders, ...(await recordExpiries(database, municipality.id, now))]);
    }),
  );
  const failed = [...results, ...consentResults].filter((result) => result.status === 'rejected').length;
  if (failed) throw new Error(`clean-up failed in ${failed} database(s)`);
}

/**
 * Every quarter of an hour: the first closed user-insight round (in any municipality) whose
 * stored publication is missing or out of date is published and stored, so that no planner's
 * view pays for suppressing a large round. One a run: a large round takes up to a minute.
 */
export async function publishNext(env: Env, now: Date) {
  for (const municipality of await openDirectory(env).municipalities()) {
    if (await publishClosedRound(new Database(municipalityBinding(env, municipality)), municipality, now)) return;
  }
}
