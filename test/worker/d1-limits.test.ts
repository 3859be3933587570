/**
 * D1 binds at most 100 parameters per statement (the D1 driver refuses more, as Cloudflare
 * would). The largest inputs the API accepts — a role with 50 places ranked for candidates, a
 * degraded search with every list filter full and many words, a profile with full lists — must
 * stay within it, running in workerd on a local D1 without search (so the database answers).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberProfileInput, roleInput } from '../support/inputs.ts';
import { type Account, STAFF, startTestWorker, type TestWorker } from '../support/test-worker.ts';

const areas = JSON.parse(readFileSync('seed/reference/jp-areas.json', 'utf8')) as {
  code: string;
  kind: string;
  prefCode: string;
}[];
const kanagawa = areas.filter((a) => a.prefCode === '14' && a.kind !== 'prefecture').map((a) => a.code);
const prefectures = areas.filter((a) => a.kind === 'prefecture').map((a) => a.prefCode);

let w: TestWorker;
let coordinator: Account;
beforeAll(async () => {
  w = await startTestWorker({ bindings: {} });
  coordinator = await w.signIn(STAFF.coordinator);
}, 120_000);
afterAll(async () => w?.close());

describe('D1 parameter limit', { timeout: 60_000 }, () => {
  it('ranks candidates for a role with 50 places', async () => {
    const employer = await w.verifiedEmployer(coordinator);
    const locations = kanagawa.slice(0, 50).map((areaCode) => ({ areaCode }));
    expect(locations).toHaveLength(50);
    const roleId = await w.publishRole(employer, roleInput({ locations }));
    const member = await w.signUp('member');
    await w.call('PUT', '/api/members/me', { token: member.token, body: memberProfileInput() });
    await w.call('PUT', `/api/members/${member.userId}/stage`, {
      token: coordinator.token,
      body: { stage: 3, reason: '面談で確認' },
    });
    const candidates = await w.call('GET', `/api/roles/${roleId}/candidates`, { token: coordinator.token });
    expect(candidates.status).toBe(200);
    expect(candidates.json.items.map((c: { member: { userId: string } }) => c.member.userId)).toContain(
      member.userId,
    );
  });

  it('answers a degraded search with every list filter full and many words', async () => {
    const query = new URLSearchParams({
      q: Array.from({ length: 25 }, (_, i) => `k${i}`).join(' '),
      prefCode: prefectures.slice(0, 20).join(','),
      areaCode: kanagawa.slice(0, 20).join(','),
      remote: 'none,hybrid,full',
      employmentType: 'full_time,contract,part_time,dispatch,freelance',
    });
    const res = await w.call('GET', `/api/jobs?${query}`);
    expect(res.status).toBe(200);
    expect(res.json.degraded).toBe(true);
  });

  it('saves a profile with every list at its longest', async () => {
    const member = await w.signUp('member');
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const windows = days.flatMap((day) => [
      { day, start: '06:00', end: '08:00' },
      { day, start: '09:00', end: '11:00' },
      { day, start: '12:00', end: '14:00' },
    ]);
    const res = await w.call('PUT', '/api/members/me', {
      token: member.token,
      body: memberProfileInput({
        availability: { ...memberProfileInput().availability, windows },
        targetAreas: kanagawa.slice(0, 10).map((areaCode) => ({ areaCode, needsRelocationSupport: false })),
      }),
    });
    expect(res.status).toBe(200);
    expect(res.json.availability.windows).toHaveLength(windows.length);
  });
});
