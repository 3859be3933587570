/**
 * What the browser tests need on disk, made from npm packages so that `npm ci` is all the set-up:
 * the headless Chromium that `@sparticuz/chromium` ships brotli-packed, and Noto Sans JP from
 * `@fontsource/noto-sans-jp` for Japanese glyphs, behind a fontconfig file that lists only it.
 *
 * Both are unpacked once into `node_modules/.cache/yorisoi-e2e/`, in folders named after the
 * package versions (a new lock file brings new folders, never a stale browser). Test files run in
 * parallel processes, so each folder is built under a private name and renamed into place whole:
 * a half-written browser is never seen, and a loser of the race throws its copy away.
 *
 * Fontsource ships web fonts only (WOFF/WOFF2), and Chromium's font manager on Linux takes only
 * TrueType/CFF files from fontconfig, so the WOFF files are turned back into plain OpenType: a
 * WOFF 1.0 file is the same tables, each zlib-compressed when that made it smaller.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, inflateSync } from 'node:zlib';

const CACHE = join(process.cwd(), 'node_modules', '.cache', 'yorisoi-e2e');

/** The font weights the pages use (body text and headings). */
const WEIGHTS = ['400', '700'];

/** An installed dev dependency's folder and version (the Chromium package exports no package.json). */
function packageRoot(name: string): { dir: string; version: string } {
  const dir = join(process.cwd(), 'node_modules', name);
  return { dir, version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

/** Builds `target` with `fill(privateDir)` unless it exists, and renames it into place whole. */
function buildOnce(target: string, fill: (dir: string) => void): string {
  if (existsSync(target)) return target;
  const scratch = `${target}.part-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(scratch, { recursive: true });
  try {
    fill(scratch);
    renameSync(scratch, target);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    // Another test process finished the same folder first: theirs is as good as ours.
    if (!existsSync(target)) throw error;
  }
  return target;
}

/** The path of the npm-shipped headless Chromium, unpacked on first use. */
export function npmChromium(): string {
  const { dir, version } = packageRoot('@sparticuz/chromium');
  const folder = buildOnce(join(CACHE, `chromium-${version}`), (scratch) => {
    const binary = brotliDecompressSync(readFileSync(join(dir, 'bin', 'chromium.br')));
    writeFileSync(join(scratch, 'chromium'), binary, { mode: 0o755 });
  });
  return join(folder, 'chromium');
}

/** Plain OpenType bytes from a WOFF 1.0 file (same tables, uncompressed, 4-byte aligned). */
export function woffToOpenType(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const stored = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const bytes = woff.subarray(offset, offset + stored);
    return {
      tag: woff.subarray(entry, entry + 4),
      checksum: woff.readUInt32BE(entry + 16),
      data: stored < length ? inflateSync(bytes) : bytes,
    };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + 16 * count;
  const out = Buffer.alloc(tables.reduce((sum, t) => sum + padded(t.data.length), headerSize));
  // Offset table: the original flavour (TrueType or CFF) and the binary-search fields.
  woff.copy(out, 0, 4, 8);
  out.writeUInt16BE(count, 4);
  const power = 2 ** Math.floor(Math.log2(count));
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE((count - power) * 16, 10);
  let offset = headerSize;
  tables.forEach((table, i) => {
    const entry = 12 + i * 16;
    table.tag.copy(out, entry);
    out.writeUInt32BE(table.checksum, entry + 4);
    out.writeUInt32BE(offset, entry + 8);
    out.writeUInt32BE(table.data.length, entry + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
}

/**
 * A fontconfig file naming only Noto Sans JP (unpacked on first use), for `FONTCONFIG_FILE`:
 * screenshots then show the same Japanese glyphs on every machine, whatever fonts it has.
 */
export function japaneseFontConfig(): string {
  const { dir, version } = packageRoot('@fontsource/noto-sans-jp');
  const target = join(CACHE, `noto-sans-jp-${version}`);
  buildOnce(target, (scratch) => {
    const files = join(dir, 'files');
    const wanted = new RegExp(`-(${WEIGHTS.join('|')})-normal\\.woff$`);
    for (const name of readdirSync(files).filter((n) => wanted.test(n))) {
      const font = woffToOpenType(readFileSync(join(files, name)));
      writeFileSync(join(scratch, name.replace(/\.woff$/, '.otf')), font);
    }
    const config = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      `  <dir>${target}</dir>`,
      `  <cachedir>${join(target, 'fontconfig-cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n');
    writeFileSync(join(scratch, 'fonts.conf'), config);
  });
  return join(target, 'fonts.conf');
}
