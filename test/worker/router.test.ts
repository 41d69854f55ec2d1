/**
 * The app's router remembers its matches per method and path; it must route every request
 * exactly as Hono's TrieRouter would, whichever addresses came before.
 */
import { describe, expect, it } from 'vitest';
import { TrieRouter } from 'hono/router/trie-router';
import { REMEMBERED_PATHS, RememberingRouter } from '../../worker/platform/router/index.ts';

const ROUTES: [string, string][] = [
  ['ALL', '*'],
  ['GET', '/m/:municipality/meldinger'],
  ['ALL', '/m/:municipality/:form/*'],
  ['GET', '/m/:municipality/:form/p/:page'],
  ['POST', '/m/:municipality/:form/p/:page'],
  ['GET', '/m/:municipality/:form/p/:page/:row'],
  ['GET', '/staff/m/:municipality/insight/rounds/:round'],
];

function routers() {
  const trie = new TrieRouter<string>();
  const remembering = new RememberingRouter<string>();
  for (const [method, path] of ROUTES) {
    trie.add(method, path, `${method} ${path}`);
    remembering.add(method, path, `${method} ${path}`);
  }
  return { trie, remembering };
}

describe('the remembering router', () => {
  it('matches as the trie does, also when the same address comes again with other parameters beside it', () => {
    const { trie, remembering } = routers();
    const requests: [string, string][] = [
      ['GET', '/m/demo/barnets-stemme/p/safe'],
      ['GET', '/m/demo/barnets-stemme/p/safe'],
      ['POST', '/m/demo/barnets-stemme/p/safe'],
      ['GET', '/m/other/barnets-stemme/p/friends'],
      ['GET', '/m/demo/meldinger'],
      ['GET', '/m/demo/barnets-stemme/p/siblings/2'],
      ['GET', '/staff/m/demo/insight/rounds/r-1'],
      ['DELETE', '/nowhere'],
    ];
    for (const [method, path] of requests) expect(remembering.match(method, path), `${method} ${path}`).toEqual(trie.match(method, path));
  });

  it('keeps matching correctly after more distinct addresses than it remembers', () => {
    const { trie, remembering } = routers();
    for (let index = 0; index < REMEMBERED_PATHS * 2 + 3; index++) {
      const path = `/m/m-${index % 7}/form-${index}/p/page-${index % 3}`;
      expect(remembering.match('GET', path)).toEqual(trie.match('GET', path));
    }
    expect(remembering.match('GET', '/m/m-1/form-1/p/page-1')).toEqual(trie.match('GET', '/m/m-1/form-1/p/page-1'));
  });

  it('forgets what it remembered when a route is added', () => {
    const { trie, remembering } = routers();
    const path = '/m/demo/barnets-stemme/kvittering';
    remembering.match('GET', path);
    trie.add('GET', '/m/:municipality/:form/kvittering', 'receipt');
    remembering.add('GET', '/m/:municipality/:form/kvittering', 'receipt');
    expect(remembering.match('GET', path)).toEqual(trie.match('GET', path));
    expect(remembering.match('GET', path)[0].map(([handler]) => handler)).toContain('receipt');
  });
});
