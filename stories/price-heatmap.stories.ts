import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { factsRelay, MARKET } from './support/facts-relay.js';

interface Args {
  symbols: string;
  top: number;
  range: string;
  theme: string;
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Elements/price-heatmap',
  component: 'price-heatmap',
  tags: ['autodocs'],
  args: { symbols: MARKET, top: 0, range: '24h', ...COMMON_ARGS },
  argTypes: {
    ...COMMON_ARG_TYPES,
    top: { control: { type: 'number', min: 0, max: 100 } },
    range: { control: 'inline-radio', options: ['1h', '24h', '7d'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A heatmap of assets: each tile’s area is its market cap (a squarified treemap), its colour the change over `range` — blue for a rise, orange for a fall, grey for none, a pair colour-blind readers tell apart. Tiles large enough to read say their symbol and change; hover or focus shows any tile’s name, price, change and market cap. Arrow keys move between tiles, Home and End to the largest and smallest; a screen reader hears a grid of assets, largest first. Prices move live; tiles keep their places until a market cap passes another or moves its share materially. Without market caps every tile is the same size, and it says so.',
      },
    },
  },
  render: (args, context) =>
    html`<price-heatmap
      symbols=${args.symbols || nothing}
      top=${args.top || nothing}
      range=${args.range}
      theme=${args.theme}
      locale=${args.locale}
      relay=${factsRelay(args.symbols, context)}
    ></price-heatmap>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Live: Story = {};
export const Top: Story = { args: { symbols: '', top: 5 } };
export const Week: Story = { args: { range: '7d' } };
export const WithoutFacts: Story = { parameters: { noFacts: true } };
export const Stale: Story = { parameters: { market: { state: 'stale' } } };
export const Offline: Story = { parameters: { market: { state: 'offline' } } };
export const Paused: Story = { parameters: { market: { state: 'paused' } } };
export const UnknownSymbol: Story = { args: { symbols: 'BTC,ETH,NOTACOIN' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Light: Story = { args: { theme: 'light' } };
export const Narrow: Story = { parameters: { width: '200px' } };
export const Phone: Story = { parameters: { width: '375px' } };
export const Arabic: Story = {
  args: { locale: 'ar-EG' },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
