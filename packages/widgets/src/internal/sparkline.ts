import type { PricePoint } from '@tickwire/protocol';
import { svg, type TemplateResult } from 'lit';

const WIDTH = 100;
const HEIGHT = 28;

/**
 * A line of the last `points`, scaled to fill a 100×28 box. Only numbers reach the markup:
 * the path is computed, never taken from the network as text.
 */
export function sparkline(
  points: readonly PricePoint[],
  trend: 'up' | 'down' | 'flat',
): TemplateResult | undefined {
  const values = points.map(([, price]) => price).filter((price) => Number.isFinite(price));
  if (values.length < 2) return undefined;
  const low = Math.min(...values);
  const span = Math.max(...values) - low || 1;
  const step = WIDTH / (values.length - 1);
  const path = values
    .map(
      (value, index) =>
        `${index === 0 ? 'M' : 'L'}${(index * step).toFixed(1)},${(HEIGHT - 1 - ((value - low) / span) * (HEIGHT - 2)).toFixed(1)}`,
    )
    .join('');
  return svg`<svg part="sparkline" class="sparkline ${trend}" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" aria-hidden="true" focusable="false"><path d=${path} /></svg>`;
}
