/**
 * The Node service's reading analyser: kuromoji 0.1.2 with its bundled IPADIC dictionary (why
 * kuromoji: see src/features/search/readings.ts), run in a child process of its own.
 *
 * Why a child process: building the tokenizer takes about a second and ≈ 350 MB of resident
 * memory (the dictionary's part-of-speech strings), which would more than double the service's
 * footprint (issue 19 keeps the service at ≤ 300 MB with 100k roles). In its own process it
 * costs the service nothing: it starts on the first read (or at `warm()`, in the background
 * after the service listens), answers reads over IPC off the request path's event loop, and
 * leaves after `idleMs` without reads, giving all of its memory back; the next write starts it
 * again.
 *
 * Sentences already read are answered without asking it. Kuromoji reads a text one sentence at a
 * time, cutting after each 、 and 。, so a text's words are exactly its sentences' words; job ads
 * repeat most of their sentences (openings, closings, hours, benefits, names of places and firms),
 * so reading every role of a new index tokenizes each distinct sentence once — a tenth of the
 * text on the generated 100k roles — and crosses IPC as little.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReadingAnalyser, ReadToken } from '../../features/search/readings.ts';

export interface KuromojiAnalyserOptions {
  /**
   * The child leaves after this long without reads: 10 minutes by default, so a burst of
   * employer edits pays its start (≈ 1 s, which showed in bench:search's write → searchable lag
   * when it was 60 s) once, and a quiet service gives its memory back.
   */
  idleMs?: number;
  /**
   * Sentences whose words are kept in the parent, least recently used leaving first; the cache
   * is emptied when the child leaves, so a quiet service gives that memory back too.
   */
  cacheSize?: number;
}

/**
 * Sentences sent to the child in one message: large enough to amortise IPC, small enough that
 * a write's few sentences are not queued behind a long rebuild page.
 */
const CHUNK = 500;

/** Sentences longer than this (rare: a text without 、 or 。) are read but not kept. */
const CACHED_SENTENCE_LENGTH = 200;

/**
 * A text cut as kuromoji cuts it before reading (Tokenizer.splitByPunctuation): after each 、
 * and 。. Reading the pieces one by one gives the same words as reading the text whole.
 * @example sentencesOf('受付、事務。電話') // ['受付、', '事務。', '電話']
 */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[、。])/).filter((sentence) => sentence !== '');
}

type Reply = { id: number; tokens?: string[]; error?: string; ready?: boolean };

/** A text's words from the host's line-per-word form (see reading-host.mjs). */
function parseTokens(lines: string): ReadToken[] {
  if (lines === '') return [];
  return lines.split('\n').map((line) => {
    const [surface = '', pos = '', reading = ''] = line.split('\t');
    return reading ? { surface, pos, reading } : { surface, pos };
  });
}

export interface KuromojiAnalyser extends ReadingAnalyser {
  /** Starts the child now if it is not running, without waiting for it. */
  warm(): void;
  /** The child's process id while it runs (for measuring its memory). */
  pid(): number | undefined;
  /** Stops the child; a later read starts it again. */
  close(): Promise<void>;
}

/**
 * @example const analyser = kuromojiAnalyser(); analyser.warm(); await analyser.read(['蒲鉾'])
 */
export function kuromojiAnalyser(options: KuromojiAnalyserOptions = {}): KuromojiAnalyser {
  const idleMs = options.idleMs ?? 10 * 60_000;
  const cacheSize = options.cacheSize ?? 50_000;
  const hostPath = fileURLToPath(new URL('./reading-host.mjs', import.meta.url));
  const cache = new Map<string, ReadToken[]>();
  const waiting = new Map<number, { resolve: (t: ReadToken[][]) => void; reject: (e: Error) => void }>();
  let child: { process: ChildProcess; ready: Promise<void> } | undefined;
  let nextId = 1;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  /** The child keeps the process alive only while a read waits on it. */
  function holdOpen(hold: boolean) {
    const proc = child?.process;
    if (!proc) return;
    if (hold) {
      proc.ref();
      proc.channel?.ref();
    } else {
      proc.unref();
      proc.channel?.unref();
    }
  }

  function start() {
    if (child) return child;
    // A small old space makes it collect the words of each batch promptly instead of growing
    // (≈ 330 MB resident instead of ≈ 580 MB after 10,000 descriptions), and is not slower.
    const proc = fork(hostPath, [], {
      execArgv: ['--max-old-space-size=160'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = new Promise<void>((resolve, reject) => {
      proc.on('message', (reply: Reply) => {
        if (reply.ready) return resolve();
        const pending = waiting.get(reply.id);
        if (!pending) return;
        waiting.delete(reply.id);
        if (reply.error !== undefined || !reply.tokens) pending.reject(new Error(reply.error));
        else pending.resolve(reply.tokens.map(parseTokens));
        if (waiting.size === 0) holdOpen(false);
      });
      proc.on('exit', (code) => {
        const failure = new Error(`the reading analyser stopped (exit ${code})`);
        reject(failure);
        for (const pending of waiting.values()) pending.reject(failure);
        waiting.clear();
        if (child?.process === proc) {
          child = undefined;
          cache.clear();
        }
      });
    });
    // A start nobody waits for (warm) must not become an unhandled rejection.
    ready.catch(() => {});
    child = { process: proc, ready };
    holdOpen(false);
    return child;
  }

  function stopWhenIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (waiting.size === 0) child?.process.disconnect();
    }, idleMs);
    idleTimer.unref();
  }

  async function ask(texts: string[]): Promise<ReadToken[][]> {
    const running = start();
    holdOpen(true);
    await running.ready;
    const id = nextId++;
    const answer = new Promise<ReadToken[][]>((resolve, reject) => waiting.set(id, { resolve, reject }));
    running.process.send({ id, texts });
    return answer;
  }

  function remember(text: string, tokens: ReadToken[]) {
    cache.delete(text);
    cache.set(text, tokens);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  }

  return {
    name: 'kuromoji-0.1.2-ipadic',
    complete: true,

    async read(texts) {
      const pieces = texts.map(sentencesOf);
      const found = new Map<string, ReadToken[]>();
      const unknown = new Set<string>();
      for (const sentences of pieces) {
        for (const sentence of sentences) {
          if (found.has(sentence) || unknown.has(sentence)) continue;
          const known = cache.get(sentence);
          if (known) {
            found.set(sentence, known);
            remember(sentence, known);
          } else unknown.add(sentence);
        }
      }
      const asked = [...unknown];
      try {
        // Every chunk is sent at once: the child reads the next while this process takes the last in.
        const chunks: string[][] = [];
        for (let i = 0; i < asked.length; i += CHUNK) chunks.push(asked.slice(i, i + CHUNK));
        const answers = await Promise.all(chunks.map(ask));
        chunks.forEach((chunk, c) => {
          chunk.forEach((sentence, j) => {
            const tokens = answers[c]?.[j] ?? [];
            found.set(sentence, tokens);
            if (sentence.length <= CACHED_SENTENCE_LENGTH) remember(sentence, tokens);
          });
        });
      } finally {
        stopWhenIdle();
      }
      return pieces.map((sentences) => sentences.flatMap((sentence) => found.get(sentence) ?? []));
    },

    warm() {
      start();
      stopWhenIdle();
    },

    pid: () => child?.process.pid,

    async close() {
      clearTimeout(idleTimer);
      const proc = child?.process;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.disconnect();
      await exited;
    },
  };
}
