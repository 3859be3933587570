/**
 * The Node service's own settings: the heap's growth share has a default that keeps the service
 * near 300 MB at 100k roles (issue 19), and a value V8 would misread stops the start instead.
 */
import { describe, expect, it } from 'vitest';
import { readNodeConfig } from './config.ts';

describe('readNodeConfig', () => {
  it('lets the heap grow 30% past its live data unless told otherwise', () => {
    expect(readNodeConfig({}).heapGrowthPercent).toBe(30);
    expect(readNodeConfig({ HEAP_GROWTH_PERCENT: '80' }).heapGrowthPercent).toBe(80);
  });

  it('refuses a growth share that is not a whole number from 10 to 300', () => {
    for (const value of ['5', '301', '2.5', 'lots'])
      expect(() => readNodeConfig({ HEAP_GROWTH_PERCENT: value })).toThrow(/HEAP_GROWTH_PERCENT/);
  });
});
