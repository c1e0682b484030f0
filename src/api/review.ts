import { normalizeUrl } from '../crawl/normalize-url.js';
import { ConfigError } from '../errors.js';
import type { SiteConfig } from '../config/schema.js';
import type { ScanStore } from '../store/index.js';
import type { ItemOverride, ItemResult } from '../store/types.js';
import { judgeStoredScan } from './check-scan.js';
import { judgedScans, siteFilter } from './history.js';
import { reportStoredScan, storedResult } from './report-scan.js';

export interface ReviewInput {
  /** A scan id, or a site (config name, URL or host): its latest judged scan. */
  target: string;
  /** Item code, e.g. O12 (case and leading zeros do not matter). */
  code: string;
  status: ItemOverride['status'];
  url?: string;
  note?: string;
  by: string;
  checklistDir?: string;
  /** Re-write the scan's reports under this folder after re-judging. */
  out?: string;
  sites?: SiteConfig[];
  now?: Date;
}

export interface ReviewOutcome {
  scanId: string;
  override: ItemOverride;
  /** The item as judged again with the decision. */
  item: ItemResult;
  /** Why the decision will apply without evidence tracking (no snapshot of the URL in this scan). */
  warning?: { th: string; en: string };
  reportDir?: string;
}

/** "o05" → "O5" */
export function normaliseCode(code: string): string {
  const m = /^\s*o\s*0*(\d+)\s*$/i.exec(code);
  return m ? `O${m[1]}` : code.trim().toUpperCase();
}

/**
 * Records a person's decision on one item of a scan's site and re-judges that scan so the stored result
 * shows it now. The decision remembers the sha256 of the snapshot the reviewer looked at (the page or
 * document at `url`, else the item's best URL); later scans apply it only while that snapshot is unchanged.
 */
export async function reviewItem(store: ScanStore, input: ReviewInput): Promise<ReviewOutcome> {
  const by = input.by.trim();
  if (!by) throw new ConfigError('ต้องระบุชื่อผู้ตรวจด้วย --by', 'say who decided with --by');
  let scan = await store.getScan(input.target);
  if (!scan) {
    const [latest] = await judgedScans(store, siteFilter(input.target, input.sites), 1);
    if (!latest) throw new ConfigError(`ไม่พบการสแกนที่ตรวจผลแล้วของ ${input.target}`, `no judged scan of ${input.target} in ${store.location}`);
    scan = latest.scan;
  }
  if (scan.prunedAt) {
    throw new ConfigError(`การสแกน ${scan.id} ถูกลบหน้าเว็บที่เก็บไว้แล้ว (oit prune) — บันทึกผลกับการสแกนล่าสุดแทน`, `scan ${scan.id} was pruned; review the latest scan instead`);
  }
  const result = await storedResult(store, scan.id);
  if (!result) throw new ConfigError(`การสแกน ${scan.id} ยังไม่ได้ตรวจผล — รัน oit check --scan ${scan.id} ก่อน`, `scan ${scan.id} has not been judged yet; run \`oit check --scan ${scan.id}\` first`);
  const code = normaliseCode(input.code);
  const item = result.items.find((i) => i.code === code);
  if (!item) {
    throw new ConfigError(`ไม่มีข้อ ${input.code} ใน ${result.checklist.id}`, `item ${input.code} is not in ${result.checklist.id} (items ${result.items[0]?.code ?? ''}–${result.items.at(-1)?.code ?? ''})`);
  }
  if (input.url !== undefined) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(input.url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigError(`--url ต้องเป็น URL แบบ http หรือ https: "${input.url}"`, `--url must be an http(s) URL: "${input.url}"`);
  }
  const url = input.url ?? item.urls[0] ?? item.evidence[0]?.url;
  if (input.status === 'pass' && !url) {
    throw new ConfigError(`ข้อ ${code} ยังไม่มี URL ของหลักฐาน — ระบุ --url ของหน้าที่ตรวจแล้ว`, `item ${code} has no evidence URL; give the page you checked with --url`);
  }
  let evidenceHash: string | undefined;
  let warning: ReviewOutcome['warning'];
  if (url) {
    const page =
      (await store.getPage(scan.id, url)) ??
      (await store.getPage(scan.id, normalizeUrl(url) ?? url)) ??
      (await store.listPages(scan.id)).find((p) => p.finalUrl === url || p.redirectChain[0] === url);
    if (page && page.status > 0 && page.status < 400 && page.sha256) evidenceHash = page.sha256;
    else {
      warning = {
        th: `ไม่พบ ${url} ในการสแกน ${scan.id} จึงติดตามการเปลี่ยนแปลงของเอกสารไม่ได้ — ผลนี้จะใช้กับการสแกนครั้งต่อไปจนกว่าจะบันทึกใหม่`,
        en: `${url} is not a snapshot of scan ${scan.id}, so changes to it cannot be tracked; the decision applies to later scans until replaced`,
      };
    }
  }
  const override = await store.addOverride({
    site: scan.site,
    year: result.checklist.year,
    code,
    status: input.status,
    ...(url ? { url } : {}),
    ...(input.note ? { note: input.note } : {}),
    by,
    createdAt: (input.now ?? new Date()).toISOString(),
    ...(evidenceHash ? { evidenceHash } : {}),
    scanId: scan.id,
  });
  const judgedNow = await judgeStoredScan(store, scan.id, { year: result.checklist.year, checklistDir: input.checklistDir });
  const written = input.out ? await reportStoredScan(store, scan.id, { out: input.out, checklistDir: input.checklistDir }) : undefined;
  const now = judgedNow.result.items.find((i) => i.code === code) as unknown as ItemResult;
  return { scanId: scan.id, override, item: now, ...(warning ? { warning } : {}), ...(written ? { reportDir: written.dir } : {}) };
}
