/**
 * Seeded randomness for the corpus. Every release draws from its own stream, derived from the corpus seed and the
 * release number, so release 123 is the same whether the corpus has 500 or 50,000 releases: a bigger corpus is the
 * smaller one plus more releases, and a figure that moves between sizes is not caused by different content.
 */

/** A stream of pseudo-random numbers with the helpers the generator needs. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct elements of a list, in the order drawn (`count` is capped at the list length). */
  sample<T>(items: readonly T[], count: number): T[];
  /** A key of `weights`, drawn in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
}

/**
 * mulberry32: 32 bits of state, fast, and good enough for test data (not for anything secret).
 *
 * @example
 * const next = mulberry32(42);
 * next(); // 0.6011037519201636, the same on every machine
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed from any list of parts (FNV-1a over their text), to derive independent streams.
 *
 * @example
 * seedFrom(1, 'release', 123) !== seedFrom(1, 'release', 124) // true
 */
export function seedFrom(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A `Random` over mulberry32 seeded from `parts`.
 *
 * @example
 * const random = createRandom(1, 'release', 7);
 * random.pick(['en', 'fr']); // always the same for seed 1, release 7
 */
export function createRandom(...parts: readonly (string | number)[]): Random {
  const next = mulberry32(seedFrom(...parts));
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    sample: (items, count) => {
      const pool = [...items];
      const out: (typeof items)[number][] = [];
      while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
  };
  return random;
}
