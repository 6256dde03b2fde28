/** One symbol's last value, as the gutter beside the price axis shows it. */
export interface LastValue {
  symbol: string;
  /** The symbol as the reader sees it, shown beside the value on a wide chart. */
  label: string;
  text: string;
  /** Where the value sits on the plot, px from its top. */
  y: number;
  background: string;
  color: string;
}

/**
 * The tops, px, of labels `height` px tall wanted centred on `wanted` (in the callers' order),
 * stacked `gap` px apart inside `0…bounds` with the least total movement: labels that would
 * overlap are nudged apart as a block, a block that would leave the bounds is pushed back in.
 * When not all fit, the first `fit` in the callers' order keep their label and the rest get
 * `null` (the chart's legend gives every symbol's value, so a dropped label loses nothing).
 */
export function placeLabels(
  wanted: readonly number[],
  height: number,
  gap: number,
  bounds: number,
): (number | null)[] {
  const step = height + gap;
  const fit = Math.max(0, Math.floor((bounds + gap) / step));
  const kept = wanted
    .map((y, index) => ({ index, top: y - height / 2 }))
    .filter(({ top, index }) => index < fit && Number.isFinite(top))
    .sort((a, b) => a.top - b.top);
  // Blocks of touching labels, each at the mean of its members' wishes (less their offset in
  // the block), merged with the block above while they overlap.
  const blocks: { first: number; count: number; sum: number; top: number }[] = [];
  const clampTop = (top: number, count: number) =>
    Math.min(Math.max(top, 0), Math.max(0, bounds - count * step + gap));
  kept.forEach(({ top }, order) => {
    let block = { first: order, count: 1, sum: top, top: clampTop(top, 1) };
    for (let above = blocks.at(-1); above && above.top + above.count * step > block.top; ) {
      blocks.pop();
      const count = above.count + block.count;
      const sum = above.sum + block.sum - block.count * above.count * step;
      block = { first: above.first, count, sum, top: clampTop(sum / count, count) };
      above = blocks.at(-1);
    }
    blocks.push(block);
  });
  const tops: (number | null)[] = wanted.map(() => null);
  for (const { first, count, top } of blocks) {
    for (let i = 0; i < count; i++) tops[kept[first + i]!.index] = top + i * step;
  }
  return tops;
}

/** Space between two labels in the gutter, px. */
const LABEL_GAP_PX = 1;

/**
 * The symbols' last values in a gutter of their own beside the price axis (the element's
 * `last-value` parts): never over the newest data or the axis's ticks, never over each other,
 * never clipped. Labels that would collide are nudged apart within the gutter; those that
 * still cannot fit are left out, and the legend carries their value.
 */
export class AxisLabels {
  private readonly spans = new Map<string, HTMLElement>();

  constructor(private readonly gutter: HTMLElement) {}

  show(values: readonly LastValue[]): void {
    const shown = new Set(values.map(({ symbol }) => symbol));
    for (const [symbol, span] of this.spans) {
      if (shown.has(symbol)) continue;
      span.remove();
      this.spans.delete(symbol);
    }
    const spans = values.map((value) => this.spanOf(value));
    const height = spans[0]?.getBoundingClientRect().height ?? 0;
    const tops = placeLabels(
      values.map(({ y }) => y),
      height,
      LABEL_GAP_PX,
      this.gutter.clientHeight,
    );
    spans.forEach((span, index) => {
      const top = tops[index];
      span.hidden = top === null || top === undefined;
      span.style.transform = `translateY(${top ?? 0}px)`;
    });
  }

  clear(): void {
    this.show([]);
  }

  private spanOf({ symbol, label, text, background, color }: LastValue): HTMLElement {
    let span = this.spans.get(symbol);
    if (!span) {
      span = document.createElement('span');
      span.setAttribute('part', 'last-value');
      span.dataset.symbol = symbol;
      span.append(document.createElement('b'), document.createElement('bdi'));
      this.gutter.append(span);
      this.spans.set(symbol, span);
    }
    const [name, value] = span.children as unknown as [HTMLElement, HTMLElement];
    if (name.textContent !== label) name.textContent = label;
    if (value.textContent !== text) value.textContent = text;
    span.style.background = background;
    span.style.color = color;
    // Measured before placing: a hidden label has no height.
    span.hidden = false;
    return span;
  }
}
