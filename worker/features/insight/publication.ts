/**
 * What every view, download and document of a round's results starts from: the round, closed
 * (results exist only then), published once through `publish()`, the round before it published
 * the same way where asked for, and its approved quotes.
 */
import { refuse } from '../../core/refusals.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { Database } from '../../platform/storage/database.ts';
import { Rounds } from './repository.ts';
import { approvedQuotes } from './quotes.ts';
import type { Published, PublishedQuote } from './published.ts';
import { previousRound, publishRound } from './results.ts';
import { roundStatus } from './round.ts';

export interface Publication {
  published: Published;
  before: Published | undefined;
  quotes: PublishedQuote[];
}

/** A closed round of this municipality, published; 404 for another's (not confirmed to exist), 409 while it is open. */
export async function closedPublication(database: Database, municipality: Municipality, id: string, now: Date, options: { previous: boolean }): Promise<Publication> {
  const rounds = new Rounds(database);
  const found = await rounds.byId(municipality.id, id);
  if (!found) refuse('roundNotFound');
  if (roundStatus(found.round, now) !== 'closed') refuse('roundOpen');
  const previous = options.previous ? await previousRound(database, found.round, now) : undefined;
  const [published, before, quotes] = await Promise.all([
    publishRound(database, municipality, found.round, found.links, now),
    previous ? rounds.byId(municipality.id, previous.id).then((earlier) => earlier && publishRound(database, municipality, earlier.round, earlier.links, now)) : undefined,
    approvedQuotes(database, found.round),
  ]);
  return { published, before, quotes };
}

/** A municipality's rounds, newest first, as the API lists them. */
export async function insightRoundSummaries(database: Database, municipalityId: string, now: Date) {
  return (await new Rounds(database).list(municipalityId)).map((round) => ({ id: round.id, name: round.name, opensOn: round.opensOn, closesOn: round.closesOn, status: roundStatus(round, now), groups: round.groups.map(({ group }) => group) }));
}
