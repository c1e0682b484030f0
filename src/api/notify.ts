import { spawn } from 'node:child_process';
import type { NotifyConfig } from '../config/schema.js';

/** What a notification carries: a webhook receives it as JSON, a command on stdin (and OIT_* variables). */
export interface NotifyPayload {
  schema: 'oit-notify/1';
  site: { name: string; url: string };
  scanId: string | null;
  /** finished: judged; failed: oit could not scan the site (see error). */
  state: 'finished' | 'failed';
  oit: number | null;
  previousOit: number | null;
  change: number | null;
  notPassed: string[];
  regressed: string[];
  improved: string[];
  newDeadLinks: string[];
  unreachable: boolean;
  report: string | null;
  error?: string;
}

export function shouldNotify(on: NotifyConfig['on'], p: NotifyPayload): boolean {
  switch (on) {
    case 'always':
      return true;
    case 'regression':
      return p.regressed.length > 0 || p.state === 'failed';
    case 'not-passed':
      return p.notPassed.length > 0 || p.state === 'failed';
    case 'change':
      return p.state === 'failed' || p.regressed.length > 0 || p.improved.length > 0 || (p.change !== null && p.change !== 0) || p.newDeadLinks.length > 0;
  }
}

/**
 * Sends one notification. Never throws: a notification that fails is returned as a message (the scan
 * result stands). The webhook is POSTed to exactly the configured URL (redirects are not followed).
 */
export async function sendNotification(notify: NotifyConfig, payload: NotifyPayload): Promise<string[]> {
  const problems: string[] = [];
  if (!shouldNotify(notify.on, payload)) return problems;
  const body = JSON.stringify(payload);
  if (notify.webhook) {
    try {
      const res = await fetch(notify.webhook, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'oit-notify' },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(notify.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) problems.push(`webhook ${notify.webhook}: HTTP ${res.status}`);
    } catch (e) {
      problems.push(`webhook ${notify.webhook}: ${(e as Error).message}`);
    }
  }
  if (notify.command) {
    const problem = await runCommand(notify.command, payload, body, notify.timeoutMs);
    if (problem) problems.push(problem);
  }
  return problems;
}

function runCommand(command: string, p: NotifyPayload, body: string, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const env = {
      ...process.env,
      OIT_SITE: p.site.name,
      OIT_SITE_URL: p.site.url,
      OIT_SCAN_ID: p.scanId ?? '',
      OIT_STATE: p.state,
      OIT_SCORE: p.oit === null ? '' : p.oit.toFixed(2),
      OIT_PREVIOUS_SCORE: p.previousOit === null ? '' : p.previousOit.toFixed(2),
      OIT_NOT_PASSED: p.notPassed.join(' '),
      OIT_REGRESSED: p.regressed.join(' '),
      OIT_REPORT: p.report ?? '',
    };
    const child = spawn('/bin/sh', ['-c', command], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + String(d)).slice(-500)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve(`notify command: ${e.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? undefined : `notify command exited ${signal ?? code}${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(body);
  });
}
