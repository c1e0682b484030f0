import type { SnapshotKind } from '../../store/types.js';
import { urlExtension } from '../normalize-url.js';

/**
 * What a response is. Agency servers mislabel (PDFs as application/octet-stream or text/html, DOCX
 * as application/zip), so magic bytes win over Content-Type, which wins over the URL's extension.
 */

const CT_KIND: Array<[RegExp, SnapshotKind]> = [
  [/^application\/pdf|^application\/x-pdf/, 'pdf'],
  [/wordprocessingml/, 'docx'],
  [/spreadsheetml/, 'xlsx'],
  [/^application\/msword/, 'doc'],
  [/^application\/(vnd\.ms-excel|excel|x-excel|x-msexcel)/, 'xls'],
  [/^text\/html|^application\/xhtml/, 'html'],
  [/^image\//, 'image'],
];

const EXT_KIND: Record<string, SnapshotKind> = {
  pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', doc: 'doc', xls: 'xls', htm: 'html', html: 'html', php: 'html', asp: 'html', aspx: 'html', jsp: 'html',
  jpg: 'image', jpeg: 'image', png: 'image', gif: 'image', webp: 'image', bmp: 'image', svg: 'image',
};

/** Kinds whose text we can read; the body of anything else is not downloaded. */
export const TEXT_KINDS: ReadonlySet<SnapshotKind> = new Set(['html', 'pdf', 'docx', 'xlsx', 'doc', 'xls']);

export function kindFromContentType(ct: string | undefined): SnapshotKind | undefined {
  const t = (ct ?? '').toLowerCase().trim();
  for (const [re, kind] of CT_KIND) if (re.test(t)) return kind;
  return undefined;
}

export function kindFromUrl(url: string): SnapshotKind | undefined {
  return EXT_KIND[urlExtension(url)];
}

/** Media we never download (the link is evidence enough): images, audio, video, fonts. */
export function isSkippableMedia(ct: string | undefined): boolean {
  return /^(image|audio|video|font)\//i.test(ct ?? '');
}

/** File type from the first bytes, when they are telling. */
export function sniffKind(body: Buffer): SnapshotKind | undefined {
  if (body.length < 4) return undefined;
  const head = body.subarray(0, 1024);
  if (head.indexOf('%PDF-') >= 0 && head.indexOf('%PDF-') < 1024) return 'pdf';
  if (body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04) {
    // Zip: the part names sit in local headers near the start and in the central directory at the end.
    const probe = body.length > 65536 ? Buffer.concat([body.subarray(0, 32768), body.subarray(body.length - 32768)]) : body;
    if (probe.includes('word/')) return 'docx';
    if (probe.includes('xl/')) return 'xlsx';
    return 'other';
  }
  if (body[0] === 0xd0 && body[1] === 0xcf && body[2] === 0x11 && body[3] === 0xe0) return 'doc'; // OLE2: .doc or .xls
  if (body[0] === 0x89 && body[1] === 0x50 && body[2] === 0x4e && body[3] === 0x47) return 'image';
  if (body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return 'image';
  const text = head.toString('latin1').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /<(head|body|meta|title)[\s>]/.test(text.slice(0, 512))) return 'html';
  return undefined;
}

export function detectKind(contentType: string | undefined, body: Buffer, url: string): SnapshotKind {
  const sniffed = sniffKind(body);
  const fromCt = kindFromContentType(contentType);
  const fromUrl = kindFromUrl(url);
  if (sniffed === 'doc') return fromCt === 'xls' || fromUrl === 'xls' ? 'xls' : 'doc';
  if (sniffed && sniffed !== 'html') return sniffed;
  // An HTML page served as a document (an error or login page behind a download link) is HTML:
  // a body that starts like an HTML document is believed over the header.
  if (sniffed === 'html' && /^(\xef\xbb\xbf)?\s*<(!doctype html|html)[\s>]/i.test(body.subarray(0, 512).toString('latin1'))) return 'html';
  if (fromCt && fromCt !== 'html') return fromCt;
  if (sniffed === 'html' || fromCt === 'html') return 'html';
  if (/^text\//i.test(contentType ?? '')) return fromUrl === 'html' || !fromUrl ? 'html' : fromUrl;
  return fromUrl && body.length ? (fromUrl === 'html' ? 'other' : fromUrl) : 'other';
}
