/**
 * oit library API. The centre is scanSite(job): all inputs in its argument, all outputs in the
 * store (and its return value), so the same call runs from the CLI, a cron job or a queue worker.
 */
export { scanSite, parseStartUrl, newScanId, type ScanJob, type ScanOutcome } from './api/scan-site.js';
export { judgeStoredScan, type CheckOutcome } from './api/check-scan.js';
export { reportStoredScan } from './api/report-scan.js';
export { analyseStoredScan, type AnalysisOptions } from './api/analysis-scan.js';
export { runSites, type RunSitesJob, type RunOutcome, type SiteRunOutcome } from './api/run-sites.js';
export { scanHistory, diffStoredScans, diffLatest, pruneScans, siteFilter, type HistoryEntry, type PruneOutcome, type SiteFilter } from './api/history.js';
export { reviewItem, type ReviewInput, type ReviewOutcome } from './api/review.js';
export { startDesk, type Desk, type DeskOptions } from './serve/server.js';
export { acquireRunLock, LockError, type RunLock } from './api/lock.js';
export {
  enqueueSites, runWorker, openQueue, readSitesCsv, siteKey, SCAN_QUEUE, DEAD_LETTER_QUEUE, QUEUE_DEFAULTS,
  type QueueJobData, type QueueSettings, type EnqueueOutcome, type WorkerOptions, type WorkerEvent, type WorkerSummary,
} from './api/queue.js';
export { sendNotification, type NotifyPayload } from './api/notify.js';
export { diffScans, hasRegression, type ScanDiff, type ItemChange, type DeadLink } from './check/diff.js';
export { writeIndexReport, type IndexReport, type IndexSite } from './report/index-report.js';
export { loadFleet, openFleetStore, type Fleet, type FleetSite, type FleetResult, type FleetAttempt, type FleetOptions } from './api/fleet.js';
export { newFleetReport, fleetItemSummary, fleetOverall, FLEET_SCHEMA_ID, type FleetReport, type FleetOverall, type FleetItemGroup, type FleetItemStat } from './report/fleet-view.js';
export { writeFleetReport, FLEET_FILES } from './report/write-fleet.js';
export { writeReports, writeAnalysis } from './report/index.js';
export { scoreResultFile, parseIndicatorList, type ScoreReport } from './api/score-result.js';
export { scoreOit, scoreIta, gradeOf, round2, PASS_MARK, type OitScore, type ItaScore, type Grade } from './check/score.js';
export { buildScanResult, ScanResultSchema, SCAN_RESULT_SCHEMA_ID, unreachableOf, type ScanResult } from './check/scan-result.js';
export { startPageProblem, type Unreachable, type UnreachableCause } from './check/reachability.js';
export { markDeadScans, latestInterrupted, type ScanRunner } from './api/stale-scans.js';
export { judge } from './check/judge.js';
export type { JudgeInput } from './check/types.js';
export { loadChecklist, loadAllChecklists, loadChecklistFile, defaultYear, chooseChecklist, type LoadedChecklist } from './checklist/load.js';
export { assessmentYearOf, describeAssessmentYear, type AssessmentYear, type ChecklistChoice } from './checklist/assessment-year.js';
export { validateChecklistFile, type ValidatedChecklist } from './checklist/validate.js';
export { Checklist, ChecklistItem, type Confidence } from './checklist/schema.js';
export { resolveConfig, readRunFile } from './config/load.js';
export { ScanConfig, SiteConfig, NotifyConfig } from './config/schema.js';
export { crawl } from './crawl/index.js';
export type { CrawlEvent, CrawlJob } from './crawl/types.js';
export { openStore, isPostgresUrl, type ScanStore } from './store/index.js';
export type * from './store/types.js';
export { OitError, ConfigError, ChecklistError, StoreError } from './errors.js';
export { TOOL_VERSION } from './version.js';
