import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Bytes → HTML string. Charset from the BOM, the Content-Type header, <meta charset> /
 * http-equiv, else detection. Thai legacy pages (TIS-620 / ISO-8859-11 / windows-874, all decoded
 * as windows-874, their superset) are common and often mislabelled: bytes that are not valid UTF-8
 * but look like Thai single-byte text are decoded as windows-874 whatever the label says.
 */

export type CharsetSource = 'bom' | 'header' | 'meta' | 'detected' | 'default';

export interface Decoded {
  text: string;
  charset: string;
  source: CharsetSource;
  /** The declared charset disagreed with the bytes. */
  mislabelled?: string;
}

const THAI_LABELS = /^(tis-?620|iso-?8859-?11|(x-)?windows-?874|cp-?874|x-?tis-?620|dos-?874)$/i;

export function canonicalCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return undefined;
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (THAI_LABELS.test(l)) return 'windows-874';
  if (l === 'us-ascii' || l === 'ascii' || l === 'iso-8859-1' || l === 'latin1') return 'windows-1252';
  return iconv.encodingExists(l) ? l : undefined;
}

export function charsetFromContentType(ct: string | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct ?? '');
  return m?.[1];
}

/** <meta charset> or <meta http-equiv="Content-Type" content="…charset=…"> within the first 4 KB. */
export function charsetFromMeta(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(buf: Buffer): string | undefined {
  try {
    return utf8.decode(buf);
  } catch {
    return undefined;
  }
}

/** Most high bytes fall in the Thai block of windows-874 (0xA1–0xFB). */
export function looksThaiLegacy(buf: Buffer): boolean {
  let high = 0;
  let thai = 0;
  const n = Math.min(buf.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b >= 0x80) {
      high++;
      if (b >= 0xa1 && b <= 0xfb) thai++;
    }
  }
  return high >= 8 && thai / high >= 0.85;
}

/** Valid UTF-8 that holds Thai (E0 B8/B9 lead bytes): a page labelled windows-874 but saved as UTF-8. */
function looksThaiUtf8(buf: Buffer): boolean {
  let n = 0;
  for (let i = 0; i + 1 < Math.min(buf.length, 64 * 1024); i++) if (buf[i] === 0xe0 && (buf[i + 1] === 0xb8 || buf[i + 1] === 0xb9)) n++;
  return n >= 4;
}

export function decodeHtml(buf: Buffer, contentType?: string): Decoded {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), charset: 'utf-8', source: 'bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), charset: 'utf-16le', source: 'bom' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), charset: 'utf-16be', source: 'bom' };

  const fromHeader = canonicalCharset(charsetFromContentType(contentType));
  const fromMeta = fromHeader ? undefined : canonicalCharset(charsetFromMeta(buf));
  const declared = fromHeader ?? fromMeta;
  const source: CharsetSource = fromHeader ? 'header' : 'meta';

  if (declared === 'utf-8' || declared === undefined) {
    const s = tryUtf8(buf);
    if (s !== undefined) return { text: s, charset: 'utf-8', source: declared ? source : 'detected' };
    if (looksThaiLegacy(buf)) {
      return { text: iconv.decode(buf, 'windows-874'), charset: 'windows-874', source: 'detected', ...(declared ? { mislabelled: declared } : {}) };
    }
    if (declared) return { text: buf.toString('utf8'), charset: 'utf-8', source };
    const guess = canonicalCharset(chardet.detect(buf) ?? undefined) ?? 'windows-874';
    return { text: iconv.decode(buf, guess), charset: guess, source: 'detected' };
  }
  if (declared === 'windows-1252' && looksThaiLegacy(buf)) {
    return { text: iconv.decode(buf, 'windows-874'), charset: 'windows-874', source: 'detected', mislabelled: declared };
  }
  if (looksThaiUtf8(buf)) {
    const s = tryUtf8(buf);
    if (s !== undefined) return { text: s, charset: 'utf-8', source: 'detected', mislabelled: declared };
  }
  return { text: iconv.decode(buf, declared), charset: declared, source };
}
