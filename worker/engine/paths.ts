/**
 * Where an answer lives: a question, on a repeatable page also a row, and for questions with
 * several fields a part. The one codec for HTML field names is here too, so the server, the
 * views and the browser islands agree on them. No dependencies: the islands bundle it.
 */

export interface AnswerPath {
  question: string;
  /** The row of a repeatable page, counted from 1 as the respondent sees it. */
  row?: number;
  /** A field of a question with several ('day', 'name', an agency); none for the question's own field. */
  part?: string;
}

/** The part that carries "I don't want to answer" as a checkbox. */
export const DECLINED_PART = 'declined';

/**
 * A field's name: `question` or `question.part`. A row is never in the name: each row is
 * its own page (`/p/<page>/<row>`), so its fields are named like any other page's.
 * (No destructuring: the islands bundle this for browsers esbuild cannot lower it for.)
 */
export const fieldName = (path: AnswerPath): string => (path.part ? `${path.question}.${path.part}` : path.question);

/** A row number as it appears in an address: 1, 2, … without leading zeros; anything else is none. */
export function parseRow(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9]\d{0,3}$/.test(text) ? Number(text) : undefined;
}

/** The address of a page (or one row of a repeatable page) below a form's base. */
export const pagePath = (base: string, page: string, row?: number) => `${base}/p/${page}${row ? `/${row}` : ''}`;

/**
 * The request header with which the page script asks a journey POST for the page it leads to,
 * in the same response, instead of a redirect to it.
 */
export const FOLLOW_HEADER = 'medvirk-follow';

/** The hidden field a question page carries its sealed snapshot of the draft in (worker/features/respond/snapshot.ts). */
export const SNAPSHOT_FIELD = '_draft';
