import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import * as schema from './schema.ts';
import type { Municipality } from './store.ts';

const DAY = 86_400_000;

export type OidcProvider = typeof schema.oidcProviders.$inferSelect;

/**
 * What is shared by all municipalities and always lives in the `DB` binding: which
 * municipalities exist, where their data is, what they publish, and rate-limit counters.
 */
export class Directory {
  private readonly db: DrizzleD1Database<typeof schema>;

  constructor(database: D1Database) {
    this.db = drizzle(database, { schema });
  }

  async municipalities(): Promise<Municipality[]> {
    return this.db.select().from(schema.municipalities);
  }

  async municipality(id: string): Promise<Municipality | undefined> {
    const [row] = await this.db.select().from(schema.municipalities).where(eq(schema.municipalities.id, id));
    return row;
  }

  async updateSettings(id: string, settings: Pick<Municipality, 'writtenStandard' | 'suppressionThreshold' | 'draftTtlDays' | 'responseRetentionMonths' | 'linkVisibility'>) {
    await this.db.update(schema.municipalities).set(settings).where(eq(schema.municipalities.id, id));
  }

  async oidcProvider(municipalityId: string): Promise<OidcProvider | undefined> {
    const [row] = await this.db.select().from(schema.oidcProviders).where(eq(schema.oidcProviders.municipalityId, municipalityId));
    return row;
  }

  /** Every configured provider with its municipality's name, for the sign-in page. */
  async oidcProviders() {
    return this.db
      .select({ municipalityId: schema.oidcProviders.municipalityId, label: schema.oidcProviders.label, municipalityName: schema.municipalities.name })
      .from(schema.oidcProviders)
      .innerJoin(schema.municipalities, eq(schema.municipalities.id, schema.oidcProviders.municipalityId))
      .orderBy(schema.municipalities.name);
  }

  async addUnit(municipalityId: string, name: string, kind: (typeof schema.UNIT_KINDS)[number]) {
    const unit = { id: crypto.randomUUID(), municipalityId, name, kind };
    await this.db.insert(schema.units).values(unit);
    return unit;
  }

  async units(municipalityId: string) {
    return this.db.select().from(schema.units).where(eq(schema.units.municipalityId, municipalityId)).orderBy(schema.units.name);
  }

  /** Whether the municipality offers this form to anyone with the public address. */
  async isPublished(municipalityId: string, formId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ formId: schema.publications.formId })
      .from(schema.publications)
      .where(and(eq(schema.publications.municipalityId, municipalityId), eq(schema.publications.formId, formId), isNull(schema.publications.closedAt)));
    return !!row;
  }

  /** Counts one hit in a rate-limit window and returns the count so far. */
  async hit(key: string, windowStart: number): Promise<number> {
    const [row] = await this.db
      .insert(schema.rateLimits)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({ target: [schema.rateLimits.key, schema.rateLimits.windowStart], set: { count: sql`${schema.rateLimits.count} + 1` } })
      .returning({ count: schema.rateLimits.count });
    return row?.count ?? 1;
  }

  /** The count so far in a rate-limit window, without counting. */
  async hits(key: string, windowStart: number): Promise<number> {
    const [row] = await this.db
      .select({ count: schema.rateLimits.count })
      .from(schema.rateLimits)
      .where(and(eq(schema.rateLimits.key, key), eq(schema.rateLimits.windowStart, windowStart)));
    return row?.count ?? 0;
  }

  /** Rate-limit windows are useless after a day; keeping hashed addresses longer is not. */
  async purgeExpired(now: Date): Promise<void> {
    await this.db.delete(schema.rateLimits).where(lt(schema.rateLimits.windowStart, now.getTime() - DAY));
  }
}
