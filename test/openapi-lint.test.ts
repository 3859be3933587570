/**
 * The OpenAPI document as outside tools read it: Redocly's linter (its recommended rules, all
 * strict, see redocly.yaml) finds no error and no warning in `/openapi.json`. The linter runs as a
 * child process with telemetry and update checks off and any network connection refused, so the
 * test is the same offline as on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './support/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const dir = mkdtempSync(join(tmpdir(), 'yorisoi-openapi-'));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer?: string }[];
}

/** Runs the Redocly CLI on a document and returns its problems. */
function lint(document: unknown): { problems: LintProblem[]; stderr: string } {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      './test/support/no-network.mjs',
      'node_modules/@redocly/cli/bin/cli.js',
      'lint',
      file,
      '--config',
      'redocly.yaml',
      '--format',
      'json',
      '--max-problems',
      '1000',
    ],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      },
      timeout: 60_000,
    },
  );
  const start = result.stdout.indexOf('{');
  if (start < 0) throw new Error(`the linter printed no report (${result.status}):\n${result.stderr}`);
  return { problems: JSON.parse(result.stdout.slice(start)).problems, stderr: result.stderr };
}

describe('the OpenAPI document in a linter', { timeout: 90_000 }, () => {
  it('has no errors and no warnings, and the linter used no network', async () => {
    const document = (await t.call('GET', '/openapi.json')).json;
    const { problems, stderr } = lint(document);
    expect(stderr).not.toContain('NETWORK ATTEMPT');
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`),
    ).toEqual([]);
  });

  it('does report a problem it should (the check can fail)', async () => {
    const document = (await t.call('GET', '/openapi.json')).json;
    const [path, item] = Object.entries(document.paths as Record<string, Record<string, any>>)[0] ?? [];
    if (!path || !item) throw new Error('the document has no paths');
    for (const operation of Object.values(item)) delete operation.operationId;
    const { problems } = lint(document);
    expect(problems.map((p) => p.ruleId)).toContain('operation-operationId');
  });
});
