import { inflateRawSync } from 'node:zlib';
import { decodeXmlEntities } from '../xml-entities.js';

/**
 * A small zip reader (central directory + stored/deflate entries) for DOCX/XLSX parts. Enough for
 * Office files; no zip64, no encryption. Inflated size is capped against zip bombs: per entry and in
 * total per file, whatever the (forgeable) sizes in the headers say — entries that overlap and point
 * at the same compressed data are counted every time they are read.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipError extends Error {}

/** Largest inflated entry, and the most one file may inflate to in all (real Office files: a few MB). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

/** Bytes a caller may still inflate from one zip file. */
export class InflateBudget {
  constructor(public remaining = MAX_TOTAL_BYTES) {}
}

export function listZip(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a zip file (no central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (p === 0xffffffff) throw new ZipError('zip64 not supported');
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError('corrupt zip central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    out.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function readZipEntry(buf: Buffer, entry: ZipEntry, budget: InflateBudget = new InflateBudget()): Buffer {
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new ZipError(`corrupt zip entry ${entry.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipError(`truncated zip entry ${entry.name}`);
  const cap = Math.min(MAX_ENTRY_BYTES, budget.remaining);
  const tooBig = () => new ZipError(`zip bomb: ${entry.name} inflates beyond ${Math.round(cap / 1048576)} MB`);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    if (entry.size > cap) throw tooBig();
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw tooBig();
      throw new ZipError(`corrupt zip entry ${entry.name}: ${(e as Error).message}`);
    }
  } else throw new ZipError(`unsupported zip compression ${entry.method}`);
  if (out.length > cap) throw tooBig();
  budget.remaining -= out.length;
  return out;
}

/** Entries by name, read lazily. */
export function openZip(buf: Buffer): { names: string[]; read(name: string): string | undefined } {
  const entries = new Map(listZip(buf).map((e) => [e.name, e]));
  const budget = new InflateBudget();
  return {
    names: [...entries.keys()],
    read(name) {
      const e = entries.get(name);
      return e ? readZipEntry(buf, e, budget).toString('utf8') : undefined;
    },
  };
}

/**
 * Throws ZipError when the file is not a readable zip or inflates past the limits. Run before
 * handing a file to a library that would inflate it without limits (mammoth/JSZip for DOCX).
 */
export function assertZipWithinLimits(buf: Buffer): void {
  const budget = new InflateBudget();
  for (const e of listZip(buf)) readZipEntry(buf, e, budget);
}

/** XML text content with entities decoded. */
export function xmlText(s: string): string {
  return decodeXmlEntities(s.replace(/<[^>]*>/g, ''));
}
