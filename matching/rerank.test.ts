/**
 * Re-ranking: employer diversity near the top and spreading introductions.
 */
import { describe, expect, it } from 'vitest';
import { introductionFactor, rerank } from './rerank.ts';

const item = (roleId: string, organisationId: string, score: number, openIntroductions = 0) => ({
  roleId,
  memberId: 'm',
  organisationId,
  score,
  openIntroductions,
});

describe('rerank', () => {
  it('keeps at most 2 roles of one employer in the top 10, moving the rest just below', () => {
    const items = [
      ...[0.99, 0.98, 0.97, 0.96].map((s, i) => item(`a${i}`, 'big-chain', s)),
      ...Array.from({ length: 10 }, (_, i) => item(`b${i}`, `org-${i}`, 0.9 - i * 0.01)),
    ];
    const out = rerank(items);
    const top = out.slice(0, 10);
    expect(top.filter((x) => x.organisationId === 'big-chain')).toHaveLength(2);
    expect(out.slice(10, 12).map((x) => x.roleId)).toEqual(['a2', 'a3']);
    expect(out).toHaveLength(items.length);
  });
  it('pushes roles with many open introductions down, after 2 free ones', () => {
    expect(introductionFactor(2)).toBe(1);
    expect(introductionFactor(5)).toBeCloseTo(0.88);
    expect(introductionFactor(100)).toBeCloseTo(0.6);
    const out = rerank([item('crowded', 'x', 0.9, 8), item('quiet', 'y', 0.8, 0)]);
    expect(out.map((x) => x.roleId)).toEqual(['quiet', 'crowded']);
    expect(out[1]?.score).toBe(0.9);
  });
  it('is deterministic: ties go by id, whatever the input order', () => {
    const items = [item('c', 'x', 0.5), item('a', 'y', 0.5), item('b', 'z', 0.5)];
    expect(rerank(items).map((x) => x.roleId)).toEqual(['a', 'b', 'c']);
    expect(rerank([...items].reverse()).map((x) => x.roleId)).toEqual(['a', 'b', 'c']);
  });
});
