import { and, desc, eq, isNull } from 'drizzle-orm';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import { newKey, sha256Hex } from '../../core/secrets.ts';
import type { Statement } from '../../platform/storage/database.ts';
import * as schema from './tables.ts';

export type ApiToken = typeof schema.apiTokens.$inferSelect;

/** Tokens for case-management systems (directory): issued by an admin, kept only as hashes. */
export class ApiTokens {
  private readonly db: DrizzleD1Database<typeof schema>;

  constructor(database: D1Database) {
    this.db = drizzle(database, { schema });
  }

  /** Returns the token itself once; afterwards only its hash exists. */
  /** A new token and the statement that stores it (only its hash); the secret is shown once. */
  async issue(municipalityId: string, name: string, createdBy: string, now: Date): Promise<{ token: ApiToken; secret: string; statement: Statement }> {
    const secret = `mvk_${newKey()}${newKey()}`;
    const token: ApiToken = { id: crypto.randomUUID(), tokenHash: await sha256Hex(secret), municipalityId, name, createdBy, createdAt: now, revokedAt: null, lastUsedAt: null };
    return { token, secret, statement: this.db.insert(schema.apiTokens).values(token) };
  }

  /** The live token a secret belongs to, marking it used; undefined for unknown or revoked ones. */
  async verify(secret: string, now: Date): Promise<ApiToken | undefined> {
    const [row] = await this.db
      .update(schema.apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(schema.apiTokens.tokenHash, await sha256Hex(secret)), isNull(schema.apiTokens.revokedAt)))
      .returning();
    return row;
  }

  async list(municipalityId: string): Promise<ApiToken[]> {
    return this.db.select().from(schema.apiTokens).where(eq(schema.apiTokens.municipalityId, municipalityId)).orderBy(desc(schema.apiTokens.createdAt));
  }

  /** Revokes a token of this municipality; false if there is no such live token. */
  revoke(id: string, municipalityId: string, now: Date): Statement {
    return this.db
      .update(schema.apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(schema.apiTokens.id, id), eq(schema.apiTokens.municipalityId, municipalityId), isNull(schema.apiTokens.revokedAt)));
  }
}
