import type { Result, Router } from 'hono/router';
import { TrieRouter } from 'hono/router/trie-router';

/** How many addresses are remembered; a stranger sending ever new addresses only refills the cache. */
export const REMEMBERED_PATHS = 1024;

/**
 * Hono's TrieRouter, remembering its answer per method and path for the isolate's life. The
 * app's routes overlap (`/m/:municipality/meldinger` beside `/m/:municipality/:form/*`), which
 * Hono's faster RegExpRouter cannot hold; the trie's search was about 8 % of a journey request's
 * CPU, and a class answering one form asks for the same few addresses again and again.
 * Hono reads a match without changing it, so one match can serve many requests.
 */
export class RememberingRouter<T> implements Router<T> {
  readonly name = 'RememberingRouter';
  readonly #trie = new TrieRouter<T>();
  #remembered = new Map<string, Result<T>>();

  add(method: string, path: string, handler: T) {
    this.#trie.add(method, path, handler);
    this.#remembered = new Map();
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    let result = this.#remembered.get(key);
    if (!result) {
      result = this.#trie.match(method, path);
      if (this.#remembered.size >= REMEMBERED_PATHS) this.#remembered = new Map();
      this.#remembered.set(key, result);
    }
    return result;
  }
}
