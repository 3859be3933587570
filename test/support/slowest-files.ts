/**
 * A vitest reporter that prints, after the run, the test files that took longest (their tests
 * and hooks, plus collecting them), so a suite creeping towards its time budget shows where.
 * It prints figures only; it never fails a run on time.
 */
import type { Reporter, TestModule } from 'vitest/node';

const SHOWN = 10;

export default class SlowestFiles implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const timed = testModules
      .map((module) => {
        const d = module.diagnostic();
        return { file: module.moduleId.replace(`${process.cwd()}/`, ''), ms: d.duration + d.collectDuration };
      })
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN);
    if (timed.length === 0) return;
    const lines = timed.map(({ file, ms }) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
    process.stdout.write(`\nSlowest test files:\n${lines.join('\n')}\n`);
  }
}
