import { fillPlaceholders } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';

/** What drizzle's `prepare()` gives: the SQL text, built once, and how its rows are read (`all` ties its rows' type to the one declared). */
export interface Prepared<Rows> {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(response: unknown, isFromBatch?: boolean): unknown;
  all(values?: Record<string, unknown>): Promise<Rows>;
}

/** A prepared query with the values of its placeholders: one statement of `Database.run`. */
export interface Bound<Rows> {
  readonly prepared: Prepared<Rows>;
  readonly values: Record<string, unknown>;
}

/** The rows each bound query of a batch reads. */
export type RowsOf<B extends readonly Bound<unknown>[]> = { -readonly [K in keyof B]: B[K] extends Bound<infer Rows> ? Rows : never };

/**
 * A query whose SQL text drizzle builds once per isolate and database, with `sql.placeholder`s
 * bound per request. Drizzle otherwise builds the same text anew for every query; for the reads
 * every journey request makes, that was about a tenth of the Worker's CPU.
 */
export function preparedQuery<Values extends Record<string, unknown>, Rows>(build: (db: DrizzleD1Database) => Prepared<Rows>) {
  const built = new WeakMap<DrizzleD1Database, Prepared<Rows>>();
  return (db: DrizzleD1Database, values: Values): Bound<Rows> => {
    let prepared = built.get(db);
    if (!prepared) built.set(db, (prepared = build(db)));
    return { prepared, values };
  };
}

/** A query built for this request alone (its values already in it), as one statement of `Database.run`. */
export const once = <Rows>(query: { prepare(): Prepared<Rows> }): Bound<Rows> => ({ prepared: query.prepare(), values: {} });

/** The D1 statement of a bound query, prepared on the binding of this request. */
export function statementOf(binding: D1Database, { prepared, values }: Bound<unknown>): D1PreparedStatement {
  const { sql, params } = prepared.getQuery();
  return binding.prepare(sql).bind(...fillPlaceholders(params, values));
}
