import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('the audit log', () => {
  it('cannot be changed or deleted once written, in any database', async () => {
    for (const db of [env.DB, env.DB_SECOND]) {
      await db.prepare("INSERT INTO audit_log (municipality_id, at, person_id, action, target_type, target_id, via) VALUES ('demo', 1, 'p', 'response.view', 'response', 'r1', 'web')").run();
      await expect(db.prepare("UPDATE audit_log SET person_id = 'someone-else'").run()).rejects.toThrow(/cannot be changed/);
      await expect(db.prepare('DELETE FROM audit_log').run()).rejects.toThrow(/cannot be deleted/);
      expect((await db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE person_id = 'p'").first<{ n: number }>())?.n).toBeGreaterThan(0);
    }
  });
});
