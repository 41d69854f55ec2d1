import { and, eq, sql } from 'drizzle-orm';
import type { UnitKind } from '../../core/vocabulary.ts';
import { purgeRateLimits } from './rate-limits.ts';
import { Database, type Statement } from './database.ts';
import { DirectoryCache, type JourneyEntry } from './directory-cache.ts';
import * as schema from './tables.ts';
import type { Municipality } from '../../core/municipality.ts';

/**
 * What is shared by all municipalities and always lives in the `DB` binding: which
 * municipalities exist, where their data is, what they publish, and rate-limit counters.
 */
export class Directory {
  readonly database: Database;

  constructor(
    binding: D1Database,
    private readonly cache = new DirectoryCache(),
    /** How long journey entries are cached; 0 reads the directory every time. */
    private readonly cacheMs = 0,
  ) {
    this.database = new Database(binding);
  }

  private get db() {
    return this.database.db;
  }

  async municipalities(): Promise<Municipality[]> {
    return this.db.select().from(schema.municipalities);
  }

  async municipality(id: string): Promise<Municipality | undefined> {
    const [row] = await this.db.select().from(schema.municipalities).where(eq(schema.municipalities.id, id));
    return row;
  }

  /** The statement that changes a municipality's settings (call `forget` once it is committed). */
  updateSettings(id: string, settings: Pick<Municipality, 'writtenStandard' | 'suppressionThreshold' | 'draftTtlDays' | 'responseRetentionMonths' | 'linkVisibility' | 'helpContact' | 'dpoContact'>): Statement {
    return this.db.update(schema.municipalities).set(settings).where(eq(schema.municipalities.id, id));
  }

  /** A new unit and the statement that stores it. */
  addUnit(municipalityId: string, name: string, kind: UnitKind, contact: string | null) {
    const unit = { id: crypto.randomUUID(), municipalityId, name, kind, contact };
    return { unit, statement: this.db.insert(schema.units).values(unit) };
  }

  /** The statement that changes a unit's contact for families. */
  setUnitContact(municipalityId: string, unitId: string, contact: string | null): Statement {
    return this.db.update(schema.units).set({ contact }).where(and(eq(schema.units.municipalityId, municipalityId), eq(schema.units.id, unitId)));
  }

  async units(municipalityId: string) {
    return this.db.select().from(schema.units).where(eq(schema.units.municipalityId, municipalityId)).orderBy(schema.units.name);
  }

  /** Drops this isolate's cached entries of a municipality, after its settings changed. */
  forget(municipalityId: string) {
    this.cache.forget(municipalityId);
  }

  /** The municipality and whether it publishes the form, in one query (cached briefly). */
  journeyEntry(municipalityId: string, formId: string, now: number): Promise<JourneyEntry | undefined> {
    return this.cache.get(municipalityId, formId, now, this.cacheMs, async () => {
      const [row] = await this.db
        .select({
          municipality: schema.municipalities,
          published: sql<number>`exists (select 1 from ${schema.publications} where ${schema.publications.municipalityId} = ${schema.municipalities.id} and ${schema.publications.formId} = ${formId} and ${schema.publications.closedAt} is null)`,
        })
        .from(schema.municipalities)
        .where(eq(schema.municipalities.id, municipalityId));
      return row ? { municipality: row.municipality, published: !!row.published } : undefined;
    });
  }

  /** Rate-limit windows of the directory's own limits (sign-in, personal links, the API). */
  async purgeExpired(now: Date): Promise<void> {
    await this.database.commit([purgeRateLimits(this.database, now)]);
  }
}
