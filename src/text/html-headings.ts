/**
 * The first h1/h2 texts of an HTML page, read without a DOM: CMS item pages name their item there.
 * The crawl stores them with the snapshot (meta.headings), so judging a stored scan finds them without
 * reading and unpacking every page's HTML; scans stored before that are read from their HTML, by the
 * same function, so both give the same words.
 */
export function firstHeadings(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<h([12])\b[^>]*>([\s\S]{0,600}?)<\/h\1>/gi)) {
    const t = (m[2] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/gi, ' ')
      .replace(/&amp;/gi, '&')
      .replace(/\s+/g, ' ')
      .trim();
    if (t) out.push(t);
    if (out.length >= 2) break;
  }
  return out;
}

/** The headings a snapshot's crawl stored, when it did (the snapshot's meta is free-form JSON). */
export function storedHeadings(meta: Record<string, unknown>): string[] | undefined {
  const h = meta.headings;
  return Array.isArray(h) && h.every((x) => typeof x === 'string') ? (h as string[]) : undefined;
}
