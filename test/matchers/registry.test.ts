import { describe, expect, it } from 'vitest';
import { matcherIds, matchers } from '../../src/matchers/index.js';

describe('matcher registry', () => {
  it('is sorted, ids match their keys, every matcher has a description and a params schema with defaults', () => {
    expect([...matcherIds]).toEqual([...matcherIds].sort());
    for (const id of matcherIds) {
      const m = matchers[id];
      expect(m.meta.id).toBe(id);
      expect(m.meta.description.length).toBeGreaterThan(10);
      expect(() => m.meta.params.parse({})).not.toThrow();
    }
  });
});
