// XLSX text with our own small unzip + regex over SpreadsheetML: we only need cell text, and this
// avoids exceljs's large dependency tree (and its streaming/formatting features we would not use).
import type { DocText } from './pdf.js';
import { openZip, xmlText } from './unzip.js';

/** Text of every sheet: "# <sheet name>" then one line per row, cells separated by tabs. */
export function xlsxText(buf: Buffer): DocText {
  let zip: ReturnType<typeof openZip>;
  try {
    zip = openZip(buf);
  } catch (e) {
    return { text: '', textSource: 'none', error: `corrupt XLSX: ${(e as Error).message}`, meta: {} };
  }
  try {
    const shared = [...(zip.read('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
      [...m[1]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => xmlText(t[1]!)).join(''),
    );
    const workbook = zip.read('xl/workbook.xml') ?? '';
    const rels = zip.read('xl/_rels/workbook.xml.rels') ?? '';
    const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target')]));
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: xmlText(attr(m[0], 'name') ?? ''), target: targets.get(attr(m[0], 'r:id')) }));
    const parts: string[] = [];
    const files = sheets.length ? sheets : zip.names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).map((n) => ({ name: n, target: n }));
    for (const s of files) {
      if (!s.target) continue;
      const path = s.target.startsWith('/') ? s.target.slice(1) : s.target.startsWith('xl/') ? s.target : `xl/${s.target}`;
      const xml = zip.read(path);
      if (!xml) continue;
      const rows = [...xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map((r) =>
        [...r[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)]
          .map((c) => cellText(c[1]!, c[2] ?? '', shared))
          .filter(Boolean)
          .join('\t'),
      );
      parts.push(`# ${s.name}`, ...rows.filter(Boolean));
    }
    return { text: parts.join('\n'), textSource: 'xlsx', meta: { sheets: files.length } };
  } catch (e) {
    const msg = (e as Error).message;
    return { text: '', textSource: 'none', error: /^zip bomb/.test(msg) ? `XLSX too large when unpacked (${msg})` : `corrupt XLSX: ${msg}`, meta: {} };
  }
}

function cellText(attrs: string, inner: string, shared: string[]): string {
  const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
  if (type === 'inlineStr') return [...inner.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => xmlText(t[1]!)).join('');
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return '';
  if (type === 's') return shared[Number(v)] ?? '';
  return xmlText(v);
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag)?.[1];
}
