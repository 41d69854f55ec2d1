import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('the consent log', () => {
  it('refuses to change or delete an event, in every database', async () => {
    for (const db of [env.DB, env.DB_SECOND]) {
      await db.batch([
        db.prepare(
          "INSERT INTO consents (id, municipality_id, case_reference, service_list_version, services, child_age, created_by, created_at, expires_at) VALUES ('log-test', 'demo', 'R1', 0, '[]', 10, 'p', 1, 2)",
        ),
        db.prepare("INSERT INTO consent_events (consent_id, municipality_id, kind, signer_id, service, at, by) VALUES ('log-test', 'demo', 'signed', 's1', 'school', 1, 'signer:s1')"),
      ]);
      await expect(db.prepare("UPDATE consent_events SET kind = 'declined'").run()).rejects.toThrow(/cannot be changed/);
      await expect(db.prepare('DELETE FROM consent_events').run()).rejects.toThrow(/cannot be deleted/);
      expect((await db.prepare("SELECT kind FROM consent_events WHERE consent_id = 'log-test'").first<{ kind: string }>())?.kind).toBe('signed');
    }
  });
});
