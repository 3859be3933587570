/**
 * `npm run bench:load`: the service as `npm start` runs it, on 100k roles and 10k members, under
 * 50 connections for BENCH_SECONDS (60) per target with autocannon: browse, recommendations,
 * a role's candidates, the member's home page, the same browse as a raw Meilisearch query, and a
 * bare `node:http` server (what this machine can do at all), with req/s, p50/p99 and the ratios.
 * Then: role writes (p50), a SIGKILL and restart (seconds to `/health`), and the service with
 * Meilisearch unreachable (degraded browse with `/health` measured beside it), and memory.
 * The database is BENCH_DB (seeded there first when missing, which takes minutes).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../../src/adapter/node/meilisearch-process.ts';
import { serviceArgs } from '../support/start-command.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const work = mkdtempSync(join(tmpdir(), 'yorisoi-load-'));
const DB = process.env.BENCH_DB ?? join(work, 'yorisoi.db');
const MEILI_DIR = process.env.BENCH_MEILI_DIR ?? join(work, 'meili');
const BROWSE = '/api/jobs?q=%E4%BA%8B%E5%8B%99&prefCode=14&limit=20';

const rssMiB = (pid: number | undefined) => {
  if (!pid) return NaN;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Math.round(Number(line[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
};

async function until(check: () => Promise<boolean>, ms: number): Promise<number> {
  const started = performance.now();
  while (!(await check().catch(() => false))) {
    if (performance.now() - started > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
  return (performance.now() - started) / 1000;
}

function startService(port: number, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, serviceArgs(), {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: DB,
      MEILI_DATA_DIR: MEILI_DIR,
      SEED_DEMO: 'false',
      SUGGEST_INTERVAL_MINUTES: '1440',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Seconds of the same load before each measured one: figures are of a running service, not its first calls. */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);

async function load(title: string, options: autocannon.Options) {
  if (WARM_UP_SECONDS > 0)
    await autocannon({ connections: CONNECTIONS, duration: WARM_UP_SECONDS, ...options });
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  const row = {
    title,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    timeouts: result.timeouts,
  };
  console.log(
    `${title.padEnd(34)} ${String(row.rps).padStart(6)} req/s  p50 ${String(row.p50).padStart(5)} ms  p99 ${String(row.p99).padStart(5)} ms  errors ${row.errors}  timeouts ${row.timeouts}  (load ${loadavg()[0]?.toFixed(2)})`,
  );
  return row;
}

async function main() {
  if (!existsSync(DB)) {
    console.log(`Seeding 100k roles / 10k members into ${DB}…`);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'seed/cli.ts', '--roles', '100000', '--members', '10000', '--db', DB],
      { stdio: 'inherit' },
    );
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let service = startService(port);
  const firstHealth = await until(async () => (await fetch(`${base}/health`)).ok, 120_000);
  console.log(`first /health after ${firstHealth.toFixed(1)} s`);
  const indexed = await until(
    async () => ((await (await fetch(`${base}/health`)).json()) as { search: string }).search === 'ok',
    30 * 60_000,
  );
  console.log(`search current after ${(firstHealth + indexed).toFixed(1)} s`);

  const signIn = async (email: string) => {
    const res = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'yorisoi-demo-2026' }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const member = await signIn('member@demo.yorisoi.jp');
  const coordinator = await signIn('coordinator@demo.yorisoi.jp');
  const employer = await signIn('employer@demo.yorisoi.jp');
  const roles = (await (
    await fetch(`${base}/api/roles?status=published&limit=1`, {
      headers: { authorization: `Bearer ${employer}` },
    })
  ).json()) as { items: { id: string }[] };
  const roleId = roles.items[0]?.id as string;
  const meiliUrl = readFileSync(join(MEILI_DIR, 'url'), 'utf8').trim();
  const masterKey = readFileSync(join(MEILI_DIR, 'master.key'), 'utf8').trim();

  const bare = createServer((_req, res) => res.end('ok'));
  const barePort = await freePort();
  await new Promise<void>((r) => bare.listen(barePort, '127.0.0.1', r));

  // The service's peak resident memory under the loads, sampled every quarter second.
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMiB(service.pid) || 0);
  }, 250);
  const rows = [
    await load('bare node:http', { url: `http://127.0.0.1:${barePort}/` }),
    await load('raw Meilisearch (same browse)', {
      url: `${meiliUrl}/indexes/roles/search`,
      method: 'POST',
      headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        q: '事務',
        filter: ['prefCodes IN ["14"]'],
        limit: 20,
        facets: ['prefCodes', 'employmentType', 'remote'],
      }),
    }),
    await load('browse (visitor)', { url: `${base}${BROWSE}` }),
    await load('recommendations (member)', {
      url: `${base}/api/members/me/recommendations`,
      headers: { authorization: `Bearer ${member}` },
    }),
    await load('candidates (coordinator)', {
      url: `${base}/api/roles/${roleId}/candidates`,
      headers: { authorization: `Bearer ${coordinator}` },
    }),
    await load('member home page', { url: `${base}/home`, headers: { cookie: `yorisoi_session=${member}` } }),
  ];
  bare.close();
  clearInterval(sampler);

  // One at a time, the targets' p95: candidates over many roles (near and remote), recommendations.
  // Every call asks a question not asked before (another role, another page), so none is answered
  // from the service's few seconds of shared answers: these are the cost of computing one.
  const sample = (
    (await (await fetch(`${base}/api/jobs?limit=40`)).json()) as { items: { role: { id: string } }[] }
  ).items.map((i) => i.role.id);
  const sequential = async (title: string, urls: string[], headers: Record<string, string>, n = 120) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      const res = await fetch(urls[i % urls.length] as string, { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${title}: ${res.status}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => (times[Math.min(n - 1, Math.floor(p * n))] as number).toFixed(1);
    console.log(
      `${title.padEnd(34)} one at a time: p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  (${n} calls, load ${loadavg()[0]?.toFixed(2)})`,
    );
  };
  const pages = [0, 1, 2];
  const candidateUrls = [roleId, ...sample].flatMap((id) =>
    pages.map((page) => `${base}/api/roles/${id}/candidates?limit=20&offset=${page * 20}`),
  );
  await sequential(`candidates (${sample.length + 1} roles × ${pages.length} pages)`, candidateUrls, {
    authorization: `Bearer ${coordinator}`,
  });
  await sequential(
    'recommendations (120 different pages)',
    Array.from(
      { length: 120 },
      (_, i) => `${base}/api/members/me/recommendations?limit=${10 + (i % 11)}&offset=${Math.floor(i / 11)}`,
    ),
    { authorization: `Bearer ${member}` },
  );
  const [bareRow, rawRow, browseRow] = rows;
  console.log(
    `ratios: browse/raw Meilisearch req/s ${((browseRow?.rps ?? 0) / (rawRow?.rps ?? 1)).toFixed(2)}, ` +
      `browse/bare ${((browseRow?.rps ?? 0) / (bareRow?.rps ?? 1)).toFixed(3)}`,
  );
  console.log(
    `service RSS ${rssMiB(service.pid)} MiB, peak under the loads ${peakRss} MiB; Meilisearch RSS ${rssMiB(Number(readFileSync(join(MEILI_DIR, 'meilisearch.pid'), 'utf8')))} MiB`,
  );

  // Role writes at this size.
  const role = (await (
    await fetch(`${base}/api/roles/${roleId}`, { headers: { authorization: `Bearer ${employer}` } })
  ).json()) as Record<string, unknown>;
  const body = {
    title: role.title,
    description: role.description,
    category: role.category,
    employmentType: role.employmentType,
    pay: role.pay,
    schedule: role.schedule,
    overtime: role.overtime,
    weekendWork: role.weekendWork,
    nightWork: role.nightWork,
    remote: role.remote,
    locations: (role.locations as { areaCode: string }[]).map((l) => ({ areaCode: l.areaCode })),
    skills: role.skills,
    requiredQualifications: role.requiredQualifications,
    facts: Object.fromEntries(
      Object.entries(role.facts as Record<string, { available: boolean }>).map(([k, v]) => [k, v.available]),
    ),
  };
  const writes: number[] = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/api/roles/${roleId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${employer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, title: `${String(role.title).slice(0, 60)} ${i}` }),
    });
    if (!res.ok) throw new Error(`role write failed: ${res.status} ${await res.text()}`);
    writes.push(performance.now() - started);
  }
  writes.sort((a, b) => a - b);
  console.log(
    `role update p50 ${writes[50]?.toFixed(1)} ms, p95 ${writes[95]?.toFixed(1)} ms (100 sequential)`,
  );

  // A crash: SIGKILL, then a new start on the same database and Meilisearch data.
  service.kill('SIGKILL');
  await new Promise((r) => service.once('exit', r));
  service = startService(port);
  const restart = await until(async () => (await fetch(`${base}/health`)).ok, 120_000);
  console.log(`after SIGKILL: /health after ${restart.toFixed(1)} s`);
  const current = await until(
    async () => ((await (await fetch(`${base}/health`)).json()) as { search: string }).search === 'ok',
    10 * 60_000,
  );
  console.log(`after SIGKILL: search current after ${(restart + current).toFixed(1)} s`);
  service.kill('SIGTERM');
  await new Promise((r) => service.once('exit', r));

  // Meilisearch unreachable: browse answers from the database; /health measured alongside.
  service = startService(port, { MEILI_URL: 'http://127.0.0.1:9', MEILI_API_KEY: 'none' });
  await until(async () => (await fetch(`${base}/health`)).ok, 120_000);
  const [degraded, health] = await Promise.all([
    load('browse, Meilisearch down', { url: `${base}${BROWSE}` }),
    load('/health beside it (1 connection)', { url: `${base}/health`, connections: 1 }),
  ]);
  console.log(`service RSS (degraded) ${rssMiB(service.pid)} MiB`);
  void degraded;
  void health;
  service.kill('SIGTERM');
  await new Promise((r) => service.once('exit', r));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
