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

/** Brand words people put on links to a service (link text, title, alt), folded to lowercase. */
const BRAND_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/facebook|เฟซบุ๊[กค]|เฟสบุ๊[กค]|(^|[^a-z])fb([^a-z]|$)/i, 'Facebook'],
  [/youtube|ยูทูบ/i, 'YouTube'],
  [/(^|[^a-z])line([^a-z]|$)|ไลน์/i, 'LINE'],
  [/instagram|อินสตาแกรม/i, 'Instagram'],
  [/tiktok|ติ๊กต็อก/i, 'TikTok'],
  [/twitter|ทวิตเตอร์/i, 'X (Twitter)'],
];

/** The service a link's words claim ("youtube"), if any: a real site had alt="youtube" on every icon. */
export function brandNamed(words: string[]): string | undefined {
  const text = words.join(' ');
  return BRAND_WORDS.find(([re]) => re.test(text))?.[1];
}

/**
 * What a link to a social platform is: an account/page (evidence of a channel), a share button or
 * one video/post (neither is the agency's account). Unknown shapes count as accounts.
 */
export function socialLinkKind(url: string): 'account' | 'share' | 'single' {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'account';
  }
  const h = u.hostname.toLowerCase();
  const p = u.pathname.toLowerCase();
  if (/sharer|\/share(\.php)?$|\/intent\/|\/dialog\/share|plugins\/share|social-plugins/.test(p) || /(^|\.)line\.me$/.test(h) && /^\/r\/msg\//.test(p)) return 'share';
  if (/(^|\.)youtube\.com$/.test(h) && (p === '/watch' || p.startsWith('/shorts/'))) return 'single';
  if (/(^|\.)youtu\.be$/.test(h)) return 'single';
  if (/(^|\.)(facebook\.com|fb\.com)$/.test(h) && /\/(posts|videos|photos|photo\.php|story\.php|permalink\.php|watch)/.test(p)) return 'single';
  return 'account';
}

/** A file on a file-hosting service, or one post or video on a social platform: a document, not a site. */
export function isOneDocument(url: string): boolean {
  const type = serviceOf(url).type;
  return type === 'file' || (type !== 'other' && socialLinkKind(url) === 'single');
}
