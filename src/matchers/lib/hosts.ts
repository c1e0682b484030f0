/** Hosts, own-site tests and the names of common external services (for Thai reasons). */

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

function base(host: string): string {
  return host.replace(/^(www\d?|m)\./, '');
}

/** Same site: same host without "www.", or a subdomain of the site's host (eservice.abc.go.th). */
export function isOwnHost(host: string | undefined, siteHost: string): boolean {
  if (!host) return false;
  const a = base(host);
  const b = base(siteHost.toLowerCase());
  return a === b || a.endsWith('.' + b);
}

const SERVICES: ReadonlyArray<readonly [RegExp, string, 'file' | 'system' | 'both']> = [
  [/(^|\.)drive\.google\.com$/, 'Google Drive', 'file'],
  [/(^|\.)docs\.google\.com$/, 'Google Docs', 'file'],
  [/(^|\.)forms\.gle$/, 'Google Forms', 'system'],
  [/(^|\.)sites\.google\.com$/, 'Google Sites', 'file'],
  [/(^|\.)dropbox(usercontent)?\.com$/, 'Dropbox', 'file'],
  [/(^|\.)onedrive\.live\.com$|(^|\.)1drv\.ms$|(^|\.)sharepoint\.com$/, 'OneDrive', 'file'],
  [/(^|\.)(box\.com|mega\.nz|mediafire\.com|anyflip\.com|fliphtml5\.com|issuu\.com|scribd\.com|canva\.com|heyzine\.com)$/, '', 'file'],
  [/(^|\.)(facebook\.com|fb\.com|fb\.me|fb\.watch)$/, 'Facebook', 'system'],
  [/(^|\.)(line\.me|lin\.ee)$/, 'LINE', 'system'],
  [/(^|\.)(twitter\.com|x\.com)$/, 'X (Twitter)', 'system'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'YouTube', 'both'],
  [/(^|\.)instagram\.com$/, 'Instagram', 'system'],
  [/(^|\.)tiktok\.com$/, 'TikTok', 'system'],
];

export interface ServiceInfo {
  name: string;
  type: 'file' | 'system' | 'both' | 'other';
}

export function serviceOf(url: string): ServiceInfo {
  const host = hostOf(url) ?? url;
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    /* raw */
  }
  if (/(^|\.)docs\.google\.com$/.test(host) && path.startsWith('/forms')) return { name: 'Google Forms', type: 'system' };
  for (const [re, name, type] of SERVICES) if (re.test(host)) return { name: name || host, type };
  return { name: host, type: 'other' };
}
