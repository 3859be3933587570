/**
 * `npm run match`: the example file through the same schemas as the API, the stable `--json` shape,
 * and facts a coordinator verified counting fully.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledAreas, MATCH_JSON_VERSION, MatchFileSchema, rankFile, toStableJson } from './match-cli.ts';

const file = MatchFileSchema.parse(JSON.parse(readFileSync('matching/examples/hometown-jobs.json', 'utf8')));
const areas = bundledAreas();

describe('npm run match', () => {
  it('--json prints the documented shape: ranked ids with scores and reasons, infeasible with codes', () => {
    const out = toStableJson(rankFile(file, areas, 'ja'));
    expect(out.version).toBe(MATCH_JSON_VERSION);
    const first = out.members[0];
    expect(Object.keys(first ?? {})).toEqual(['memberId', 'ranked', 'nearMisses', 'infeasible', 'excluded']);
    expect(Object.keys(first?.ranked[0] ?? {})).toEqual([
      'roleId',
      'score',
      'rankScore',
      'memberSide',
      'employerSide',
      'commuteMinutes',
      'components',
      'reasons',
      'memberReasons',
      'employerReasons',
    ]);
    expect(first?.infeasible[0]?.codes.length).toBeGreaterThan(0);
    expect(Object.keys(first?.infeasible[0] ?? {})).toEqual([
      'roleId',
      'codes',
      'nearMiss',
      'margins',
      'violations',
    ]);
  });

  it('takes the facts a coordinator verified, which count fully', () => {
    const role = file.roles.find((r) => Object.values(r.role.facts).some(Boolean));
    if (!role) throw new Error('the example has a role with facts');
    const facts = Object.entries(role.role.facts)
      .filter(([, v]) => v)
      .map(([k]) => k) as NonNullable<(typeof role)['verifiedFacts']>;
    const flexibility = (f: typeof file) =>
      toStableJson(rankFile(f, areas, 'ja'))
        .members.flatMap((m) => m.ranked)
        .find((r) => r.roleId === role.id)?.components.flexibility;
    const verified = {
      ...file,
      roles: file.roles.map((r) => (r.id === role.id ? { ...r, verifiedFacts: facts } : r)),
    };
    expect(flexibility(verified)).toBeGreaterThan(flexibility(file) ?? 1);
    expect(
      MatchFileSchema.safeParse({ ...file, roles: [{ ...role, verifiedFacts: ['no_such_fact'] }] }).success,
    ).toBe(false);
  });
});
