/**
 * The least a Worker can do for the same requests as medvirk: send a fixed page of the same
 * bytes, and store one row in D1. What medvirk costs beyond this is its own doing.
 */
import page from '../tmp/page.html';

interface Env {
  DB: { prepare(sql: string): { bind(...values: unknown[]): { run(): Promise<unknown> } } };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (request.method === 'GET' && pathname === '/page') return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    if (request.method === 'POST' && pathname === '/insert') {
      await env.DB.prepare('INSERT INTO rows (id, body, created_at) VALUES (?, ?, ?)').bind(crypto.randomUUID(), await request.text(), Date.now()).run();
      return new Response('stored', { status: 201 });
    }
    return new Response('not found', { status: 404 });
  },
};
