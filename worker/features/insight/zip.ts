/**
 * A ZIP archive written as a stream: each entry deflated as its text is produced (with the
 * platform's CompressionStream), its CRC and sizes in a data descriptor after it, the central
 * directory at the end. Memory stays at one chunk of text and the directory, however large the
 * entries are: an XLSX of a whole round's figures cannot be built in memory within a Worker.
 */
export interface ZipEntry {
  name: string;
  /** The entry's text, produced piece by piece. */
  text: () => Iterable<string>;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

const crc32 = (crc: number, bytes: Uint8Array) => {
  let c = crc ^ 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** Little-endian fields of a header: [value, bytes] each. */
const header = (fields: [number, 2 | 4][], name?: Uint8Array) => {
  const size = fields.reduce((sum, [, bytes]) => sum + bytes, 0);
  const out = new Uint8Array(size + (name?.length ?? 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [value, bytes] of fields) {
    if (bytes === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += bytes;
  }
  if (name) out.set(name, at);
  return out;
};

/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. Method 8: deflate. */
const FLAGS = 0x0808;
const DEFLATE = 8;
/** 1980-01-01 00:00, the earliest DOS time: entries carry no time. */
const DOS_DATE = 0x21;

async function* archive(entries: ZipEntry[]): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const directory: { name: Uint8Array; crc: number; compressed: number; size: number; offset: number }[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = header([[0x04034b50, 4], [20, 2], [FLAGS, 2], [DEFLATE, 2], [0, 2], [DOS_DATE, 2], [0, 4], [0, 4], [0, 4], [name.length, 2], [0, 2]], name);
    yield local;
    let crc = 0;
    let size = 0;
    let compressed = 0;
    // Written one piece at a time, reading out what is compressed meanwhile: a pipe would pull
    // the whole entry into the compressor's queue ahead of the reader.
    const compressor = new CompressionStream('deflate-raw');
    const writer = compressor.writable.getWriter();
    const reader = compressor.readable.getReader();
    let pending = reader.read();
    for (const piece of entry.text()) {
      const bytes = encoder.encode(piece);
      crc = crc32(crc, bytes);
      size += bytes.length;
      const written = writer.write(bytes).then(() => undefined);
      for (let chunk = await Promise.race([written, pending]); chunk; chunk = await Promise.race([written, pending])) {
        if (chunk.done) break;
        compressed += chunk.value.length;
        yield chunk.value;
        pending = reader.read();
      }
    }
    void writer.close();
    for (let chunk = await pending; !chunk.done; chunk = await pending) {
      compressed += chunk.value.length;
      yield chunk.value;
      pending = reader.read();
    }
    yield header([[0x08074b50, 4], [crc, 4], [compressed, 4], [size, 4]]);
    directory.push({ name, crc, compressed, size, offset });
    offset += local.length + compressed + 16;
  }
  let directorySize = 0;
  for (const item of directory) {
    const central = header(
      [[0x02014b50, 4], [20, 2], [20, 2], [FLAGS, 2], [DEFLATE, 2], [0, 2], [DOS_DATE, 2], [item.crc, 4], [item.compressed, 4], [item.size, 4], [item.name.length, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [item.offset, 4]],
      item.name,
    );
    directorySize += central.length;
    yield central;
  }
  yield header([[0x06054b50, 4], [0, 2], [0, 2], [directory.length, 2], [directory.length, 2], [directorySize, 4], [offset, 4], [0, 2]]);
}

export function zipStream(entries: ZipEntry[]): ReadableStream<Uint8Array> {
  const parts = archive(entries);
  return new ReadableStream({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}
