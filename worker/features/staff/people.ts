import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import type { Role } from '../../core/vocabulary.ts';
import type { Statement } from '../../platform/storage/database.ts';
import { municipalities } from '../../platform/storage/tables.ts';
import * as staffTables from './tables.ts';

const schema = { ...staffTables, municipalities };

export type Person = typeof schema.people.$inferSelect;

export interface Membership {
  municipalityId: string;
  municipalityName: string;
  role: Role;
  unitId: string | null;
  readsAnswers: boolean;
}

/** Someone with a role in a municipality, as the people admin page lists them. */
export interface Member {
  person: Person;
  roles: Role[];
  unitId: string | null;
  /** The municipality has granted them reading every answer there. */
  readsAnswers: boolean;
}

export interface SessionRow {
  personId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Staff identities, their roles per municipality, sign-in tokens and sessions (directory). */
export class People {
  private readonly db: DrizzleD1Database<typeof schema>;

  constructor(database: D1Database) {
    this.db = drizzle(database, { schema });
  }

  async byEmail(email: string): Promise<Person | undefined> {
    const [row] = await this.db.select().from(schema.people).where(eq(schema.people.email, email.trim().toLowerCase()));
    return row;
  }

  async byId(id: string): Promise<Person | undefined> {
    const [row] = await this.db.select().from(schema.people).where(eq(schema.people.id, id));
    return row;
  }

  async memberships(personId: string): Promise<Membership[]> {
    return this.db
      .select({
        municipalityId: schema.memberships.municipalityId,
        municipalityName: schema.municipalities.name,
        role: schema.memberships.role,
        unitId: schema.memberships.unitId,
        readsAnswers: schema.memberships.readsAnswers,
      })
      .from(schema.memberships)
      .innerJoin(schema.municipalities, eq(schema.municipalities.id, schema.memberships.municipalityId))
      .where(eq(schema.memberships.personId, personId));
  }

  /** Everyone with a role in the municipality, with their roles and unit. */
  async members(municipalityId: string): Promise<Member[]> {
    const rows = await this.db
      .select({ person: schema.people, role: schema.memberships.role, unitId: schema.memberships.unitId, readsAnswers: schema.memberships.readsAnswers })
      .from(schema.memberships)
      .innerJoin(schema.people, eq(schema.people.id, schema.memberships.personId))
      .where(eq(schema.memberships.municipalityId, municipalityId))
      .orderBy(schema.people.name);
    const byPerson = new Map<string, Member>();
    for (const row of rows) {
      const entry = byPerson.get(row.person.id) ?? { person: row.person, roles: [], unitId: null, readsAnswers: false };
      entry.roles.push(row.role);
      entry.unitId ??= row.unitId;
      entry.readsAnswers ||= row.readsAnswers;
      byPerson.set(row.person.id, entry);
    }
    return [...byPerson.values()];
  }

  /** The person with this address, created with this name if new. */
  async findOrAdd(email: string, name: string, now: Date): Promise<Person> {
    const address = email.trim().toLowerCase();
    await this.db.insert(schema.people).values({ id: crypto.randomUUID(), email: address, name, createdAt: now }).onConflictDoNothing({ target: schema.people.email });
    const person = await this.byEmail(address);
    if (!person) throw new Error('person could not be stored');
    return person;
  }

  /**
   * Replaces the person's roles in one municipality (none removes their access there), as
   * statements for one batch. The grant to read every answer is kept only with the admin role.
   */
  setRoles(personId: string, municipalityId: string, roles: Role[], unitId: string | null, readsAnswers = false): Statement[] {
    const granted = readsAnswers && roles.includes('admin');
    return [
      this.db.delete(schema.memberships).where(and(eq(schema.memberships.personId, personId), eq(schema.memberships.municipalityId, municipalityId))),
      ...roles.map((role) => this.db.insert(schema.memberships).values({ personId, municipalityId, role, unitId, readsAnswers: granted })),
    ];
  }

  addSignInToken(tokenHash: string, personId: string, now: Date, expiresAt: Date): Statement {
    return this.db.insert(schema.signInTokens).values({ tokenHash, personId, createdAt: now, expiresAt });
  }

  /** Marks the token used and returns its person, or undefined if unknown, used or expired. Single use even under races. */
  async useSignInToken(tokenHash: string, now: Date): Promise<string | undefined> {
    const [row] = await this.db
      .update(schema.signInTokens)
      .set({ usedAt: now })
      .where(and(eq(schema.signInTokens.tokenHash, tokenHash), isNull(schema.signInTokens.usedAt), gt(schema.signInTokens.expiresAt, now)))
      .returning({ personId: schema.signInTokens.personId });
    return row?.personId;
  }

  async createSession(idHash: string, personId: string, now: Date, expiresAt: Date) {
    await this.db.insert(schema.sessions).values({ idHash, personId, createdAt: now, lastSeenAt: now, expiresAt });
  }

  async session(idHash: string): Promise<SessionRow | undefined> {
    const [row] = await this.db.select().from(schema.sessions).where(eq(schema.sessions.idHash, idHash));
    return row;
  }

  async touchSession(idHash: string, now: Date) {
    await this.db.update(schema.sessions).set({ lastSeenAt: now }).where(eq(schema.sessions.idHash, idHash));
  }

  async endSession(idHash: string) {
    await this.db.delete(schema.sessions).where(eq(schema.sessions.idHash, idHash));
  }

  /** "Sign out everywhere": every session of the person, on every device. */
  async endSessionsOf(personId: string) {
    await this.db.delete(schema.sessions).where(eq(schema.sessions.personId, personId));
  }

  async purgeExpired(now: Date) {
    await this.db.batch([
      this.db.delete(schema.sessions).where(lt(schema.sessions.expiresAt, now)),
      this.db.delete(schema.signInTokens).where(lt(schema.signInTokens.expiresAt, now)),
    ]);
  }
}
