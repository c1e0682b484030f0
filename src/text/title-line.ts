/** A line that is only an agency's name (or a sheet label): it heads a document without being its title. */
const AGENCY_ONLY = /^(?:องค์การบริหารส่วน|เทศบาล|สำนักงาน|กรม|อบต\.|อบจ\.|โรงพยาบาล|มหาวิทยาลัย|จังหวัด|อำเภอ|#\s*sheet)\S*\s*\S*$/i;

/** A title is no longer than this; a first "line" running on is a document without line breaks. */
const TITLE_MAX = 150;

/**
 * Where a document's title line is: its first line, among the first four, that is more than the agency's
 * name or a short label. Offsets are those of `text`.
 */
export function titleLineSpan(text: string): { start: number; end: number } | undefined {
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  for (let n = 0; n < 4 && (m = re.exec(text)); n++) {
    const line = m[0].trim();
    if (line.length < 8 || AGENCY_ONLY.test(line)) continue;
    return { start: m.index, end: m.index + Math.min(m[0].length, TITLE_MAX) };
  }
  return undefined;
}

/** A document's title line (see titleLineSpan). */
export function titleLineOf(text: string): string | undefined {
  const s = titleLineSpan(text);
  return s ? text.slice(s.start, s.end).trim() : undefined;
}
