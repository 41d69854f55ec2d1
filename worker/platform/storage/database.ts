import type { BatchItem } from 'drizzle-orm/batch';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import { withRetry } from './retry.ts';
import { statementOf, type Bound, type RowsOf } from './prepared.ts';

/** How many rows a committed update or delete changed. */
export const changedRows = (result: unknown) => (result as D1Result | undefined)?.meta.changes ?? 0;

/** One statement of a command: built by a repository, written by `Database.commit`. */
export type Statement = BatchItem<'sqlite'>;

/** One drizzle instance per binding and isolate: building one costs more than most queries then sent through it. */
const instances = new WeakMap<D1Database, DrizzleD1Database>();
function drizzleFor(binding: D1Database): DrizzleD1Database {
  let db = instances.get(binding);
  if (!db) instances.set(binding, (db = drizzle(binding)));
  return db;
}

/**
 * One municipality's database as a request holds it. Repositories read through `db`; a
 * command's statements (the change, its audit entry, its messages) are written by `commit` in
 * one D1 batch, which D1 runs as one transaction: all of them or none.
 */
export class Database {
  readonly db: DrizzleD1Database;

  constructor(readonly binding: D1Database) {
    this.db = drizzleFor(binding);
  }

  /**
   * Runs prepared statements in one D1 batch (one round trip, one transaction), each result read
   * back as drizzle maps it. Not retried: a caller whose statements may run twice wraps it in `withRetry`.
   */
  async run<const B extends readonly Bound<unknown>[]>(queries: B): Promise<RowsOf<B>> {
    const results = await this.binding.batch(queries.map((query) => statementOf(this.binding, query)));
    return results.map((result, index) => queries[index]!.prepared.mapResult(result, true)) as RowsOf<B>;
  }

  /** Writes the statements together, retrying only D1's transient errors. */
  async commit(statements: Statement[]) {
    const [first, ...rest] = statements;
    if (!first) return [];
    return withRetry(() => this.db.batch([first, ...rest]));
  }
}
