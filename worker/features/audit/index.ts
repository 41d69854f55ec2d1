/** The append-only audit log: every staff or API action on links, answers and settings. */
export { Audit, type AuditEntry, type AuditRecord } from './repository.ts';
