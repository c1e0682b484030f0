import { describe, expect, it } from 'vitest';
import { runMatcher } from '../../src/matchers/index.js';
import { ctx, SITE, target } from './ctx.js';

describe('reachable', () => {
  it.each([
    ['200 page', target({ html: '<p>เนื้อหา</p>' })],
    ['200 document', target({ doc: 'รายงาน' })],
    ['redirected once', target({ html: '<p>x</p>', snapshot: { redirectChain: [`${SITE}/old`] } })],
  ])('valid: %s', (_n, t) => expect(runMatcher('reachable', ctx(2565, 'O1', { target: t })).verdict).toBe('pass'));

  it.each([
    ['#', { url: '#', text: '' }, 'fail'],
    ['javascript:void(0)', { url: 'javascript:void(0)', text: '' }, 'fail'],
    ['404', target({ html: '<h1>404</h1>', snapshot: { status: 404 } }), 'fail'],
    ['500', target({ html: '', snapshot: { status: 500 } }), 'fail'],
    ['no response', target({ html: '', snapshot: { status: 0, error: 'timeout' } }), 'fail'],
    ['redirect loop', target({ html: '', snapshot: { status: 0, redirectChain: [`${SITE}/a`, `${SITE}/b`, `${SITE}/a`], error: 'redirect loop' } }), 'fail'],
    ['not fetched', target({ snapshot: null }), 'unknown'],
  ])('invalid: %s', (_n, t, verdict) => expect(runMatcher('reachable', ctx(2565, 'O1', { target: t })).verdict).toBe(verdict));
});
