/**
 * A small seeded PRNG for the demo-data generator: sfc32 (fast, passes PractRand, 128-bit state),
 * seeded through splitmix32 so that nearby seeds (42, 43) still give unrelated streams.
 * Math.random() is never used, so the same seed always produces the same data.
 */

/** Mixes a 32-bit value; used to expand one seed into sfc32's four words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of a label, so named streams ("roles", "members") get their own seeds. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export type Weighted<T> = readonly (readonly [T, number])[];

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // Discard the first outputs: sfc32 needs a few rounds before its state is well mixed.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The next unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** An integer in [min, max] rounded down to a multiple of `step` (pay in ¥10, minutes in 15s). */
  step(min: number, max: number, step: number): number {
    return min + step * this.int(0, Math.floor((max - min) / step));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Picks by weight: `weighted([['a', 3], ['b', 1]])` returns 'a' three times as often. */
  weighted<T>(items: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let target = this.float() * total;
    for (const [item, weight] of items) {
      target -= weight;
      if (target < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('Random.weighted: empty list');
    return last[0];
  }

  /** `count` distinct items in random order (partial Fisher–Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  /** A version-4-shaped UUID drawn from this stream (the API validates ids with z.uuid()). */
  uuid(): string {
    const w0 = this.next();
    const w1 = this.next();
    const w2 = this.next();
    const w3 = this.next();
    const bytes = [
      w0 >>> 24,
      (w0 >>> 16) & 255,
      (w0 >>> 8) & 255,
      w0 & 255,
      w1 >>> 24,
      (w1 >>> 16) & 255,
      ((w1 >>> 8) & 0x0f) | 0x40,
      w1 & 255,
      ((w2 >>> 24) & 0x3f) | 0x80,
      (w2 >>> 16) & 255,
      (w2 >>> 8) & 255,
      w2 & 255,
      w3 >>> 24,
      (w3 >>> 16) & 255,
      (w3 >>> 8) & 255,
      w3 & 255,
    ].map((byte) => HEX[byte] as string);
    const hex = bytes.join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/**
 * A PRNG for one named stream of a seed. Separate streams keep, say, the members identical
 * when only the number of roles changes.
 * @example const random = createRandom(42, 'members'); random.int(1, 6)
 */
export function createRandom(seed: number, stream = ''): Random {
  return new Random((seed ^ hashLabel(stream)) >>> 0);
}

/**
 * Weighted picks from a large, fixed list (areas, organisations) in O(log n) by binary search
 * over cumulative weights, where `Random.weighted` would scan the whole list each time.
 * @example const table = new WeightedTable(areas, (a) => a.weight); table.pick(random)
 */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weightOf: (item: T) => number,
  ) {
    if (items.length === 0) throw new Error('WeightedTable: empty list');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((item, i) => {
      sum += Math.max(0, weightOf(item));
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}
