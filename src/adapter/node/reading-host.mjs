/**
 * The process that holds the kuromoji dictionary (see kuromoji-analyser.ts): loaded once, it
 * answers `{ id, texts }` messages with `{ id, tokens }` over the IPC channel — per text one
 * string, a line per word of `surface TAB part-of-speech TAB katakana reading` (one string per
 * text crosses IPC several times faster than an object per word) — and leaves when its parent
 * disconnects. Plain JavaScript so it starts with bare `node`, whatever loader the parent runs under.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const kuromoji = require('kuromoji');
const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');

kuromoji.builder({ dicPath }).build((error, tokenizer) => {
  if (error) {
    process.send?.({ id: 0, error: String(error) });
    process.exit(1);
  }
  process.on('message', ({ id, texts }) => {
    try {
      const tokens = texts.map((text) =>
        tokenizer
          .tokenize(text)
          .map(
            (t) =>
              `${t.surface_form.replace(/[\t\n]/g, ' ')}\t${t.pos}\t${t.reading && t.reading !== '*' ? t.reading : ''}`,
          )
          .join('\n'),
      );
      process.send?.({ id, tokens });
    } catch (failure) {
      process.send?.({ id, error: String(failure) });
    }
  });
  process.send?.({ id: 0, ready: true });
});
process.on('disconnect', () => process.exit(0));
