import { ScanResultSchema, type ScanResult } from '../check/scan-result.js';

/**
 * report.json: exactly the `oit-scan-result/1` object, pretty-printed. It is validated first: a report
 * that breaks the public contract is a bug to surface, not a file to publish.
 */
export function renderReportJson(result: ScanResult): string {
  const parsed = ScanResultSchema.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`report.json would break oit-scan-result/1 at ${issue.path.join('.')}: ${issue.message}`);
  }
  return `${JSON.stringify(result, null, 2)}\n`;
}
