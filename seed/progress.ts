/**
 * A small progress bar for the seed CLI, written to stderr so stdout stays clean for the summary.
 * On a terminal it redraws one line in place; in a log or CI (no TTY) it prints a line about
 * every 10% (and at each new phase) instead, because carriage returns make logs unreadable.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const WIDTH = 30;

/**
 * Returns an `onProgress(done, total, phase)` callback and a `finish()` that ends the line.
 * @example const bar = progressBar(process.stderr); await seedDatabase(db, { ...options, onProgress: bar.update }); bar.finish()
 */
export function progressBar(stream: ProgressStream, now: () => number = () => performance.now()) {
  const started = now();
  let lastTenth = -1;
  let lastPhase = '';
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;

  function line(done: number, total: number, phase: string): string {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(ratio * WIDTH);
    const seconds = ((now() - started) / 1000).toFixed(1);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    return `${bar} ${String(Math.floor(ratio * 100)).padStart(3)}%  ${phase.padEnd(13)} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}  ${seconds}s`;
  }

  return {
    update(done: number, total: number, phase: string): void {
      if (stream.isTTY) {
        // Redrawing more than ~20 times a second only costs time.
        if (now() - lastDraw < 50 && done < total && phase === lastPhase) return;
        lastDraw = now();
        lastPhase = phase;
        stream.write(`\r${line(done, total, phase)}\x1b[K`);
        drawn = true;
        return;
      }
      // A line per 10%, and one when a phase starts (a long phase would otherwise go unseen).
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastTenth || phase !== lastPhase) {
        lastTenth = tenth;
        lastPhase = phase;
        stream.write(`${line(done, total, phase)}\n`);
      }
    },
    finish(): void {
      if (stream.isTTY && drawn) stream.write('\n');
    },
  };
}
