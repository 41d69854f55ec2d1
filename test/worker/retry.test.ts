import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { isTransientD1Error, withRetry } from '../../worker/platform/storage/retry.ts';

describe('storage retries', () => {
  it('retries a transient D1 error and then succeeds', async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      if (calls < 3) throw new Error('D1_ERROR: Network connection lost.');
      return 'stored';
    }, [1, 1]);
    expect(result).toBe('stored');
    expect(calls).toBe(3);
  });

  it('gives up after the bounded number of tries', async () => {
    let calls = 0;
    await expect(withRetry(async () => {
      calls++;
      throw new Error('D1_ERROR: storage caused object to be reset');
    }, [1, 1])).rejects.toThrow('reset');
    expect(calls).toBe(3);
  });

  it('never retries a constraint violation from the real database', async () => {
    await env.DB.exec("CREATE TABLE IF NOT EXISTS retry_probe (id TEXT PRIMARY KEY)");
    const id = crypto.randomUUID();
    await env.DB.prepare('INSERT INTO retry_probe (id) VALUES (?)').bind(id).run();
    let calls = 0;
    const error = await withRetry(async () => {
      calls++;
      return env.DB.prepare('INSERT INTO retry_probe (id) VALUES (?)').bind(id).run();
    }, [1, 1]).catch((caught: unknown) => caught);
    expect(String(error)).toMatch(/UNIQUE constraint failed/);
    expect(isTransientD1Error(error)).toBe(false);
    expect(calls).toBe(1);
    await env.DB.prepare('DROP TABLE retry_probe').run();
  });
});
