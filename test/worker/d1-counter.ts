/**
 * Counts D1 round trips: every call that goes to the database (`first`, `all`, `run`, `raw`,
 * `batch`, `exec`) is one trip, however many statements it carries. Wrapping the bindings
 * themselves counts everything the app does, also code that reads `c.env.DB` directly.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { Client } from './client.ts';

export type TripCall = 'first' | 'all' | 'run' | 'raw' | 'batch' | 'exec' | 'dump';

export interface Trip {
  call: TripCall;
  /** The first words of each statement the trip carried. */
  sql: string[];
}

const firstWords = (sql: string) => {
  const words = sql.trim().split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : words.join(' ');
};

class CountedStatement implements D1PreparedStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    readonly sql: string,
    private readonly record: (trip: Trip) => void,
  ) {}

  bind(...values: unknown[]): D1PreparedStatement {
    return new CountedStatement(this.inner.bind(...values), this.sql, this.record);
  }

  first<T>(column?: string): Promise<T | null> {
    this.record({ call: 'first', sql: [this.sql] });
    return column === undefined ? this.inner.first<T>() : this.inner.first<T>(column);
  }

  run<T>(): Promise<D1Result<T>> {
    this.record({ call: 'run', sql: [this.sql] });
    return this.inner.run<T>();
  }

  all<T>(): Promise<D1Result<T>> {
    this.record({ call: 'all', sql: [this.sql] });
    return this.inner.all<T>();
  }

  raw<T>(options?: { columnNames?: boolean }): Promise<[string[], ...T[]]>;
  raw<T>(options?: { columnNames?: false }): Promise<T[]>;
  raw<T>(options?: { columnNames?: boolean }): Promise<T[] | [string[], ...T[]]> {
    this.record({ call: 'raw', sql: [this.sql] });
    return options?.columnNames ? this.inner.raw<T>({ columnNames: true }) : this.inner.raw<T>();
  }
}

/** The statements as the real binding made them: it reads their internals. */
const unwrap = (statements: D1PreparedStatement[]) => statements.map((statement) => (statement instanceof CountedStatement ? statement.inner : statement));
const sqlOf = (statements: D1PreparedStatement[]) => statements.map((statement) => (statement instanceof CountedStatement ? statement.sql : '(unknown statement)'));

/** What a database and its sessions share: statements that count, and counted batches. */
abstract class Counted<Inner extends D1Database | D1DatabaseSession> {
  constructor(
    protected readonly inner: Inner,
    protected readonly record: (trip: Trip) => void,
  ) {}

  prepare(query: string): D1PreparedStatement {
    return new CountedStatement(this.inner.prepare(query), firstWords(query), this.record);
  }

  batch<T>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    this.record({ call: 'batch', sql: sqlOf(statements) });
    return this.inner.batch<T>(unwrap(statements));
  }
}

class CountedSession extends Counted<D1DatabaseSession> implements D1DatabaseSession {
  getBookmark() {
    return this.inner.getBookmark();
  }
}

class CountedDatabase extends Counted<D1Database> implements D1Database {
  exec(query: string): Promise<D1ExecResult> {
    this.record({ call: 'exec', sql: [firstWords(query)] });
    return this.inner.exec(query);
  }

  withSession(constraintOrBookmark?: D1SessionBookmark | D1SessionConstraint): D1DatabaseSession {
    return new CountedSession(this.inner.withSession(constraintOrBookmark), this.record);
  }

  dump(): Promise<ArrayBuffer> {
    this.record({ call: 'dump', sql: [] });
    return this.inner.dump();
  }
}

const isD1 = (value: unknown): value is D1Database => typeof value === 'object' && value !== null && 'prepare' in value && 'batch' in value;

/** Records the round trips of every database it wraps, in the order they are made. */
export class D1Counter {
  private trips: Trip[] = [];

  wrap(database: D1Database): D1Database {
    return new CountedDatabase(database, (trip) => this.trips.push(trip));
  }

  /** The environment with every D1 binding in it counted (a municipality may have its own database). */
  env<E extends object>(env: E): E {
    return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, isD1(value) ? this.wrap(value) : value])) as E;
  }

  /** The trips made since the last call, which starts a new count. */
  take(): Trip[] {
    const trips = this.trips;
    this.trips = [];
    return trips;
  }
}

/** One line per trip, for a failure message. */
export const describeTrips = (trips: Trip[]) => (trips.length ? trips.map((trip, index) => `  ${index + 1}. ${trip.call}: ${trip.sql.join(' ; ')}`).join('\n') : '  (none)');

/**
 * A browser stand-in for `app` with every D1 binding counted; each request's work left to
 * `waitUntil` is awaited, so it is counted with the request.
 */
export function countedClient(app: { fetch(request: Request, env: Cloudflare.Env, ctx: ExecutionContext): Response | Promise<Response> }, address?: string) {
  const counter = new D1Counter();
  const countedEnv = counter.env(env);
  const client = new Client(async (request) => {
    const ctx = createExecutionContext();
    const response = await app.fetch(request, countedEnv, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  }, address);
  return { client, counter };
}
