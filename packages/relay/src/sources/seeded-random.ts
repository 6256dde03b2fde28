/** Murmur3's 32-bit finaliser: every bit of the input moves about half the output's. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A well-mixed 32-bit hash of three integers: the same integers always give the same
 * number, neighbouring ones unrelated numbers. Each is taken as an unsigned 32-bit integer.
 */
export function hashOf(a: number, b: number, c = 0): number {
  return mix(mix(mix(a ^ 0x9e3779b9) ^ b) ^ c);
}

/** A string as an integer for `hashOf` (FNV-1a). */
export function hashOfText(text: string): number {
  let h = 0x811c9dc5;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

/**
 * A normal number (mean 0, variance 1) that is a pure function of `key`: the sum of the
 * four bytes of its hash, centred and scaled (Irwin–Hall). Bounded at ±3.5, which a
 * simulation's noise does not miss, and a fraction of Box–Muller's cost.
 */
export function gaussianAt(key: number): number {
  const h = mix(key ^ 0x68e31da4);
  const sum = (h & 0xff) + ((h >>> 8) & 0xff) + ((h >>> 16) & 0xff) + (h >>> 24);
  // Four bytes: mean 4 × 127.5, variance 4 × (256² − 1) / 12.
  return (sum - 510) / Math.sqrt(21_845);
}
