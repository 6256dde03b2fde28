import type { Row } from '../../feed/asset-rows.js';
import type { HeatmapRange } from './heatmap-colours.js';

/** The figure a range colours by: the 24 h one is the stream's, as in every element. */
export function changeOf(row: Row, range: HeatmapRange): number | undefined {
  return range === '1h' ? row.change1h : range === '7d' ? row.change7d : row.change24h;
}

/** The smallest text written on a tile: below it a label is left off, not shrunk further. */
export const MIN_LABEL_PX = 12;
const MAX_LABEL_PX = 28;
/** A tile's inner margin, px, on each side. */
const PAD_PX = 4;

/**
 * What a tile of `widthPx` × `heightPx` can hold: the symbol and the change (`lines` 2), with
 * the price too on a tall one (3), or nothing (0: the tile is too small to write on legibly;
 * its figures show on hover and focus, and in the table readers hear). The font grows with
 * the tile, never under `MIN_LABEL_PX`. `chars` is the longer of the symbol and the change in
 * characters, `priceChars` the price's.
 */
export function labelFit(
  widthPx: number,
  heightPx: number,
  chars: number,
  priceChars: number,
): { fontPx: number; lines: 0 | 2 | 3 } {
  // Figures and capitals of a system font are about 0.62 em wide; a line is 1.2 em tall.
  const widthFor = (fontPx: number, count: number) => count * 0.62 * fontPx + 2 * PAD_PX;
  const fontPx = Math.min(MAX_LABEL_PX, Math.sqrt(widthPx * heightPx) / 6);
  for (let size = Math.max(MIN_LABEL_PX, Math.floor(fontPx)); size >= MIN_LABEL_PX; size -= 1) {
    if (widthFor(size, chars) > widthPx) continue;
    // The price is written smaller than the change (0.8 em), never under the smallest label.
    const pricePx = Math.max(size * 0.8, MIN_LABEL_PX);
    if (
      heightPx >= 1.2 * (2 * size + pricePx) + 2 * PAD_PX &&
      widthFor(pricePx, priceChars) <= widthPx
    )
      return { fontPx: size, lines: 3 };
    if (heightPx >= 1.2 * 2 * size + 2 * PAD_PX) return { fontPx: size, lines: 2 };
  }
  return { fontPx: MIN_LABEL_PX, lines: 0 };
}
