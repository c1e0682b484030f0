import { describe, expect, it } from 'vitest';
import { runMatcher } from '../../src/matchers/index.js';
import { ctx } from './ctx.js';

const t = (url: string) => ({ url, text: '' });

describe('external-host', () => {
  it.each([
    ['own site', 2565, 'O12', 'http://www.dan.go.th/files/a.pdf'],
    ['own site without www', 2565, 'O12', 'http://dan.go.th/files/a.pdf'],
    ['own subdomain', 2565, 'O12', 'https://eservice.dan.go.th/form'],
    ['Facebook for Social Network', 2565, 'O9', 'https://www.facebook.com/dan'],
    ['Google Forms for E-Service', 2565, 'O17', 'https://forms.gle/abc'],
    ['LINE for Q&A', 2565, 'O8', 'https://line.me/R/ti/p/@dan'],
  ])('valid: %s', (_n, year, code, url) => expect(runMatcher('external-host', ctx(year, code, { target: t(url) })).verdict).toBe('pass'));

  it.each([
    ['Google Drive for a report', 2565, 'O12', 'https://drive.google.com/file/d/abc/view'],
    ['Dropbox', 2565, 'O21', 'https://www.dropbox.com/s/abc/plan.pdf'],
    ['OneDrive', 2565, 'O24', 'https://1drv.ms/b/abc'],
    ['Facebook post as an annual report', 2565, 'O12', 'https://www.facebook.com/dan/posts/1'],
    ['Google Drive even for an online-system item', 2565, 'O17', 'https://drive.google.com/file/d/x'],
  ])('invalid: %s', (_n, year, code, url) => {
    const out = runMatcher('external-host', ctx(year, code, { target: t(url) }));
    expect(out.verdict).toBe('unknown');
    expect(out.reason).toMatch(/ต้องให้เจ้าหน้าที่ตรวจ/);
  });

  it.each([
    ['an icon labelled youtube that opens an e-service site', ['youtube'], 'https://eservice.other.go.th/public/oss/data/list/', 'fail'],
    ['a Facebook share button', ['Share on Facebook'], 'https://www.facebook.com/sharer/sharer.php?u=x', 'fail'],
    ['a LINE share link', ['LINE'], 'https://line.me/R/msg/text/?hello', 'fail'],
    ['one YouTube video instead of the channel', ['youtube'], 'https://www.youtube.com/watch?v=Owx6aGO-2KQ', 'unknown'],
    ['one Facebook post instead of the page', ['Facebook'], 'https://www.facebook.com/dan/posts/123', 'unknown'],
    ['the Facebook page itself', ['Facebook'], 'https://www.facebook.com/dan.sisaket', 'pass'],
    ['the YouTube channel', ['YouTube'], 'https://www.youtube.com/@dansisaket', 'pass'],
    ['the LINE official account', ['ไลน์'], 'https://line.me/R/ti/p/@dan', 'pass'],
  ])('social network: %s → %s', (_n, names, url, verdict) => {
    expect(runMatcher('external-host', ctx(2565, 'O9', { names, target: t(url) })).verdict).toBe(verdict);
  });
});
