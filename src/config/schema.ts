import { z } from 'zod';

/**
 * Every setting oit understands, with its default. Flags, OIT_* environment variables and the
 * config file are all validated against this one schema, so the resolved config is always complete.
 */
export const ScanConfig = z
  .object({
    /** SQLite file (or later a postgres:// URL). */
    db: z.string().min(1).default('oit.db'),
    /** Root folder for reports; each scan writes reports/<host>/<scan-id>/. */
    out: z.string().min(1).default('reports'),
    /** Assessment year (BE); default: the current year's best-known checklist. */
    year: z.number().int().min(2560).max(2600).optional(),
    /** Folder of checklist files; default: the package's checklists/. */
    checklistDir: z.string().optional(),
    maxPages: z.number().int().positive().default(3000),
    maxDepth: z.number().int().min(0).default(8),
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
