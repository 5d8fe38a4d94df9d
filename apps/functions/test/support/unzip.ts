import { inflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/platform/xlsx/xlsx-writer';

/**
 * Reads a zip by walking its local file headers (the writer never uses data descriptors), checking each
 * entry's sizes and CRC-32, and that the central directory lists the same entries.
 */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let p = 0;
  while (buf.readUInt32LE(p) === 0x04034b50) {
    const flags = buf.readUInt16LE(p + 6);
    const method = buf.readUInt16LE(p + 8);
    const crc = buf.readUInt32LE(p + 14);
    const compressedSize = buf.readUInt32LE(p + 18);
    const size = buf.readUInt32LE(p + 22);
    const nameLength = buf.readUInt16LE(p + 26);
    const extraLength = buf.readUInt16LE(p + 28);
    if (flags & 0x08) throw new Error('data descriptors are not expected');
    const name = buf.subarray(p + 30, p + 30 + nameLength).toString('utf8');
    const start = p + 30 + nameLength + extraLength;
    const raw = buf.subarray(start, start + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : undefined;
    if (!data) throw new Error(`unsupported method ${method} for ${name}`);
    if (data.length !== size) throw new Error(`${name}: size ${data.length} ≠ ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.set(name, data);
    p = start + compressedSize;
  }
  // central directory, then the end record
  const names: string[] = [];
  while (buf.readUInt32LE(p) === 0x02014b50) {
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    names.push(buf.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
    p += 46 + nameLength + extra + comment;
  }
  if (buf.readUInt32LE(p) !== 0x06054b50) throw new Error('no end of central directory record');
  if (buf.readUInt16LE(p + 10) !== entries.size || names.join('|') !== [...entries.keys()].join('|'))
    throw new Error('central directory does not match the entries');
  if (p + 22 !== buf.length) throw new Error('trailing bytes after the end record');
  return entries;
}

/** The cells of a sheet as a grid of strings: inline strings and numbers, by cell reference. */
export function sheetCells(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  const unescapeXml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
    const inner = m[2] ?? '';
    const text = /<t[^>]*>(.*?)<\/t>/.exec(inner)?.[1] ?? /<v>(.*?)<\/v>/.exec(inner)?.[1] ?? '';
    cells.set(m[1], unescapeXml(text));
  }
  return cells;
}
