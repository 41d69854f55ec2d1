/** A publication's tables as a database keeps them: JSON, gzip-compressed, in base64 (a large round's run to megabytes as text). */
import type { PublishedTable } from './suppression/index.ts';

async function gzip(text: string): Promise<string> {
  const compressed = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
  // In slices: a spread of a megabyte overflows the argument limit.
  let binary = '';
  for (let at = 0; at < compressed.length; at += 0x8000) binary += String.fromCharCode(...compressed.subarray(at, at + 0x8000));
  return btoa(binary);
}

async function gunzip(base64: string): Promise<string> {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

/** The tables as stored: JSON, gzip-compressed, in base64. */
export const packed = (tables: readonly PublishedTable[]) => gzip(JSON.stringify(tables));

export const unpacked = async (stored: string) => JSON.parse(await gunzip(stored)) as PublishedTable[];
