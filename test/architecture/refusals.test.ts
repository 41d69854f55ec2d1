import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSources } from './layers.ts';

const worker = readSources().filter((file) => file.path.startsWith('worker/'));

describe('refusals', () => {
  it('are thrown by name from the catalogue, never as a status written beside a message', () => {
    const byHand = worker.filter((file) => /new HTTPException\(/.test(readFileSync(file.path, 'utf8'))).map((file) => file.path);
    expect(byHand).toEqual([]);
  });

  it('only the app knows Hono’s own errors, to turn them into refusals', () => {
    const users = worker.filter((file) => readFileSync(file.path, 'utf8').includes("'hono/http-exception'")).map((file) => file.path);
    expect(users).toEqual(['worker/platform/app.tsx']);
  });
});
