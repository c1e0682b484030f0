import { z } from 'zod';

/**
 * Every setting oit understands, with its default. Flags, OIT_* environment variables and the
 * config file are all validated against this one schema, so the resolved config is always complete.
 */
export const ScanConfig = z
  .object({
    /** SQLite file, or a postgres:// URL for a shared PostgreSQL store. */
    db: z.string().min(1).default('oit.db'),
    /** Root folder for reports; each scan writes reports/<host>/<scan-id>/. */
    out: z.string().min(1).default('reports'),
    /** Assessment year (BE); default: the current year's best-known checklist. */
    year: z.number().int().min(2560).max(2600).optional(),
    /** Folder of checklist files; default: the package's checklists/. */
    checklistDir: z.string().optional(),
    /** A user's own checklist file (the NACC's list of their year in the project's format); replaces `year`. */
    checklist: z.string().min(1).optional(),
    maxPages: z.number().int().positive().default(3000),
    maxDepth: z.number().int().min(0).default(8),
    /** Stop fetching after this many minutes (unset: no time limit); what is left stays queued for resume. */
    maxMinutes: z.number().positive().optional(),
    /** Stop once every item has verified evidence or no promising link is left (best-first crawl). */
    untilEvidence: z.boolean().default(false),
    /** Parallel requests to the site. */
    concurrency: z.number().int().min(1).max(64).default(8),
    /** Minimum gap between requests to the site, in ms (robots.txt Crawl-delay can raise it). */
    delayMs: z.number().int().min(0).default(0),
    render: z.enum(['auto', 'always', 'never']).default('auto'),
    /** Browser pages rendered at once. */
    renderConcurrency: z.number().int().min(1).max(8).default(2),
    chromiumPath: z.string().optional(),
    requestTimeoutMs: z.number().int().positive().default(20_000),
    /** Largest body downloaded, in bytes. */
    maxBytes: z.number().int().positive().default(40 * 1024 * 1024),
    retries: z.number().int().min(0).max(10).default(3),
    obeyRobots: z.boolean().default(true),
    useSitemaps: z.boolean().default(true),
    include: z.array(z.string()).default([]),
    exclude: z.array(z.string()).default([]),
    /** Fetch private, loopback and link-local addresses even when the start URL is public. */
    allowPrivate: z.boolean().default(false),
    ocr: z.boolean().default(true),
    ocrMaxPages: z.number().int().min(0).default(5),
    userAgent: z.string().min(1).default('oit/0.1 (ITA/OIT website check; +https://github.com/oit-th/oit)'),
    quiet: z.boolean().default(false),
  })
  .strict();

export type ScanConfig = z.infer<typeof ScanConfig>;
export type ScanConfigInput = z.input<typeof ScanConfig>;

/** Settings that belong to one run, not to one site: they cannot be set per site. */
const RUN_ONLY = ['db', 'out', 'quiet', 'checklistDir'] as const;
type SiteSettingKey = Exclude<keyof ScanConfig, (typeof RUN_ONLY)[number]>;

/** The ScanConfig fields a site entry may set, all optional (no defaults: unset means "inherit"). */
function siteSettingsShape(): Record<SiteSettingKey, z.ZodType> {
  const out: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(ScanConfig.shape)) {
    if ((RUN_ONLY as readonly string[]).includes(key)) continue;
    let inner = field as z.ZodType;
    for (let i = 0; i < 4; i++) {
      const def = (inner as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
      if ((def.type === 'default' || def.type === 'optional') && def.innerType) inner = def.innerType;
      else break;
    }
    out[key] = inner.optional();
  }
  return out as Record<SiteSettingKey, z.ZodType>;
}

const httpUrl = (what: string) =>
  z.string().refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: `${what} must be an http:// or https:// URL` },
  );

/**
 * What to do after a site's scan: run a command (shell; the scan's facts in OIT_* variables and the
 * JSON summary on stdin) and/or POST the JSON summary to a webhook. Only URLs the user configured are
 * ever called.
 */
export const NotifyConfig = z
  .object({
    command: z.string().min(1).optional(),
    webhook: httpUrl('webhook').optional(),
    /** always (default) · change: the score or an item changed · regression: an item that passed no longer does · not-passed: some item not passed. */
    on: z.enum(['always', 'change', 'regression', 'not-passed']).default('always'),
    timeoutMs: z.number().int().positive().max(600_000).default(30_000),
  })
  .strict()
  .refine((n) => n.command !== undefined || n.webhook !== undefined, { message: 'notify needs "command" or "webhook"' });
export type NotifyConfig = z.infer<typeof NotifyConfig>;

/** One agency site of a multi-site config: its name and URL, plus any scan setting that differs. */
export const SiteConfig = z
  .object({
    name: z.string().min(1).max(100),
    url: httpUrl('url'),
    notify: NotifyConfig.optional(),
    ...siteSettingsShape(),
  })
  .strict();
export type SiteConfig = { name: string; url: string; notify?: NotifyConfig } & Partial<Pick<ScanConfig, SiteSettingKey>>;

/**
 * The config file (oit.config.json): default scan settings (any ScanConfig field) at the top level,
 * plus `sites` for `oit run`, `parallel` (sites scanned at once) and `owners` (item → who answers for it).
 */
export const RunFileExtras = z
  .object({
    sites: z
      .array(SiteConfig as unknown as z.ZodType<SiteConfig>)
      .default([])
      .refine((s) => new Set(s.map((x) => x.name)).size === s.length, { message: 'site names must be unique' }),
    parallel: z.number().int().min(1).max(32).default(2),
    /** Who in the agency answers for each item ("O12": "งานพัสดุ"): `oit serve` filters its review queue by it. */
    owners: z.record(z.string().regex(/^[Oo]\d+$/, 'an item code such as O12'), z.string().min(1).max(100)).default({}),
  });
export type RunFileExtras = z.infer<typeof RunFileExtras>;
/** Keys of the config file that are not scan settings. */
export const RUN_FILE_KEYS = ['sites', 'parallel', 'owners'] as const;
