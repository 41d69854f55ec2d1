import { eq } from 'drizzle-orm';
import type { Database } from '../../platform/storage/database.ts';
import { municipalities } from '../../platform/storage/tables.ts';
import { oidcProviders } from './tables.ts';

export type OidcProvider = typeof oidcProviders.$inferSelect;

/** Municipalities' own identity providers for staff sign-in (directory). */
export class IdentityProviders {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  async of(municipalityId: string): Promise<OidcProvider | undefined> {
    const [row] = await this.db.select().from(oidcProviders).where(eq(oidcProviders.municipalityId, municipalityId));
    return row;
  }

  /** Every configured provider with its municipality's name, for the sign-in page. */
  async all() {
    return this.db
      .select({ municipalityId: oidcProviders.municipalityId, label: oidcProviders.label, municipalityName: municipalities.name })
      .from(oidcProviders)
      .innerJoin(municipalities, eq(municipalities.id, oidcProviders.municipalityId))
      .orderBy(municipalities.name);
  }
}
