/** User insight: rounds of anonymous surveys, their answers, and the figures published from them. */
export { publish, type Cell, type PublishedTable, type ResponseRow, type TableSpec } from './suppression/index.ts';
export { roundAnswer } from './submit.ts';
export { closedPublication, insightRoundSummaries } from './publication.ts';
export { roundJson } from './json.ts';
export { purgeOldRounds } from './repository.ts';
export { publishClosedRound } from './results.ts';
export { insightRounds } from './tables.ts';
