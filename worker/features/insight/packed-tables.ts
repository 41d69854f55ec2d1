/** A publication's tables as a database keeps them: JSON, gzip-compressed, in base64 (a large round's run to megabytes as text). */
import { fromBase64, toBase64 } from '../../core/base64.ts';
import type { PublishedTable } from './suppression/index.ts';

async function gzip(text: string): Promise<string> {
  return toBase64(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

async function gunzip(base64: string): Promise<string> {
  return new Response(new Blob([fromBase64(base64)]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

/** The tables as stored: JSON, gzip-compressed, in base64. */
export const packed = (tables: readonly PublishedTable[]) => gzip(JSON.stringify(tables));

export const unpacked = async (stored: string) => JSON.parse(await gunzip(stored)) as PublishedTable[];
