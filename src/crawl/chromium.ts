import { existsSync } from 'node:fs';

/**
 * Where a usable Chromium is: an explicit path (config/flag), OIT_CHROMIUM_PATH, Playwright's own
 * download (when a user has one), or Debian's package. Returns undefined when there is none, so the
 * crawl can continue HTTP-only with a warning.
 */
export async function findChromium(explicit?: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const candidates = [explicit, env.OIT_CHROMIUM_PATH, env.CHROMIUM_PATH];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const { chromium } = await import('playwright');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* playwright has no browser of its own here */
  }
  for (const c of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
    if (existsSync(c)) return c;
  }
  return undefined;
}

/**
 * Flags for headless Chromium on a locked-down machine: no sandbox when root, and no background
 * networking (component updates, sync, Google look-ups) that a closed network refuses noisily.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];
