/** The case workspace: case pages, flagged responses and their reviews. */
export { Reviews, DEFAULT_REVIEW_WORKING_DAYS } from './repository.ts';
export { addWorkingDays } from './working-days.ts';
