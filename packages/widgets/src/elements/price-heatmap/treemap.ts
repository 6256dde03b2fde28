/**
 * The heatmap's geometry, apart from the page: a squarified treemap (Bruls, Huizing and van
 * Wijk, 2000), when to lay it out again, and which tile an arrow key leads to. Pure functions
 * of numbers, so they are tested without a browser.
 */

/** A rectangle in the units of the box it was laid out in. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Rectangles for `weights` filling `box`, each of an area in proportion to its weight, in the
 * order given; squarified, so tiles stay as near square as the weights allow and the largest
 * sits in the top-left corner. Weights that are not positive finite numbers get no area (a
 * zero-sized rectangle at the box's corner).
 */
export function squarify(weights: readonly number[], box: Rect): Rect[] {
  const rects: Rect[] = weights.map(() => ({ x: box.x, y: box.y, width: 0, height: 0 }));
  const items = weights
    .map((weight, index) => ({ weight: Number.isFinite(weight) && weight > 0 ? weight : 0, index }))
    .filter((item) => item.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  if (total === 0 || box.width <= 0 || box.height <= 0) return rects;
  const scale = (box.width * box.height) / total;
  const areas = items.map((item) => item.weight * scale);
  let free = { ...box };
  let start = 0;
  while (start < areas.length) {
    const side = Math.min(free.width, free.height);
    // Grow the row while its worst aspect ratio improves.
    let end = start + 1;
    while (
      end < areas.length &&
      worst(areas, start, end + 1, side) <= worst(areas, start, end, side)
    )
      end += 1;
    const rowArea = sum(areas, start, end);
    const horizontal = free.width >= free.height;
    // A row along the shorter side: a column at the left of a wide box, a row on top of a tall one.
    const thickness = rowArea / side;
    let along = horizontal ? free.y : free.x;
    for (let i = start; i < end; i += 1) {
      const length = areas[i]! / thickness;
      rects[items[i]!.index] = horizontal
        ? { x: free.x, y: along, width: thickness, height: length }
        : { x: along, y: free.y, width: length, height: thickness };
      along += length;
    }
    free = horizontal
      ? { x: free.x + thickness, y: free.y, width: free.width - thickness, height: free.height }
      : { x: free.x, y: free.y + thickness, width: free.width, height: free.height - thickness };
    start = end;
  }
  return rects;
}

function sum(areas: readonly number[], start: number, end: number): number {
  let total = 0;
  for (let i = start; i < end; i += 1) total += areas[i]!;
  return total;
}

/** The worst aspect ratio (≥ 1) of a row of `areas[start..end)` laid along a side of `side`. */
function worst(areas: readonly number[], start: number, end: number, side: number): number {
  const total = sum(areas, start, end);
  let max = 0;
  let min = Infinity;
  for (let i = start; i < end; i += 1) {
    max = Math.max(max, areas[i]!);
    min = Math.min(min, areas[i]!);
  }
  const side2 = side * side;
  const total2 = total * total;
  return Math.max((side2 * max) / total2, total2 / (side2 * min));
}

/** What a layout was made from: each tile's key and weight, in the order laid out. */
export interface Sized {
  key: string;
  weight: number;
}

/**
 * A share of the whole that moves by more than this (relative: 0.15 = 15 % of the tile's own
 * share) lays the tiles out again. Below it a tile keeps its place and size: prices tick many
 * times a second, and tiles that crept on every tick could not be read or clicked.
 */
export const RELAYOUT_SHARE_CHANGE = 0.15;

/**
 * Whether tiles laid out for `before` must be laid out again for `after`: another set of
 * keys, another order by weight (a rank changed), or a tile whose share of the whole moved
 * materially (`RELAYOUT_SHARE_CHANGE`).
 */
export function needsRelayout(before: readonly Sized[], after: readonly Sized[]): boolean {
  if (before.length !== after.length) return true;
  const order = (list: readonly Sized[]) =>
    [...list].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1)).map((s) => s.key);
  const [a, b] = [order(before), order(after)];
  if (a.some((key, i) => key !== b[i])) return true;
  const total = (list: readonly Sized[]) =>
    list.reduce((s, item) => s + Math.max(0, item.weight), 0);
  const [totalBefore, totalAfter] = [total(before), total(after)];
  const share = new Map(before.map((s) => [s.key, totalBefore > 0 ? s.weight / totalBefore : 0]));
  return after.some((s) => {
    const old = share.get(s.key) ?? 0;
    const now = totalAfter > 0 ? s.weight / totalAfter : 0;
    return old === 0 ? now !== 0 : Math.abs(now - old) / old > RELAYOUT_SHARE_CHANGE;
  });
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The tile an arrow key leads to from `from`: the nearest that lies wholly beyond this tile's
 * edge in `direction`, preferring tiles beside it (overlapping across the move) over tiles
 * diagonally away, and among those the one most in line; `from` itself when there is none.
 */
export function neighbour(rects: readonly Rect[], from: number, direction: Direction): number {
  const here = rects[from];
  if (!here) return from;
  const horizontal = direction === 'left' || direction === 'right';
  const span = (r: Rect) =>
    horizontal
      ? [r.x, r.x + r.width, r.y, r.y + r.height]
      : [r.y, r.y + r.height, r.x, r.x + r.width];
  const [start, end, lo, hi] = span(here) as [number, number, number, number];
  const forward = direction === 'right' || direction === 'down';
  let best = from;
  let bestScore = Infinity;
  rects.forEach((rect, index) => {
    if (index === from || rect.width <= 0 || rect.height <= 0) return;
    const [oStart, oEnd, oLo, oHi] = span(rect) as [number, number, number, number];
    // From this tile's far edge to the other's near one; tiles share edges, so 0 is beside.
    const ahead = forward ? oStart - end : start - oEnd;
    if (ahead < -EPSILON) return;
    const shared = Math.min(hi, oHi) - Math.max(lo, oLo);
    const offset = Math.abs((oLo + oHi) / 2 - (lo + hi) / 2);
    const score = ahead + (shared > EPSILON ? offset * 0.01 : 1e6 + offset);
    if (score < bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}

/** Rounding in a layout's sums: edges this close are one edge. */
const EPSILON = 1e-6;
