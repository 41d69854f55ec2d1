import { desc, eq } from 'drizzle-orm';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { auditLog } from './tables.ts';

export type AuditEntry = typeof auditLog.$inferInsert;
export type AuditRecord = typeof auditLog.$inferSelect;

/** Who saw or changed what. Entries are statements, committed in the same batch as what they record. */
export class Audit {
  constructor(private readonly database: Database) {}

  record(entry: AuditEntry): Statement {
    return this.database.db.insert(auditLog).values(entry);
  }

  /** Newest first. */
  entries(municipalityId: string, limit: number): Promise<AuditRecord[]> {
    return this.database.db.select().from(auditLog).where(eq(auditLog.municipalityId, municipalityId)).orderBy(desc(auditLog.id)).limit(limit);
  }
}
