import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { relayFor } from './support/with-relay.js';

interface Args {
  symbols: string;
  scale: string;
  theme: string;
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Elements/live-chart',
  component: 'live-chart',
  tags: ['autodocs'],
  args: { symbols: 'BTC,ETH', scale: 'auto', ...COMMON_ARGS },
  argTypes: {
    ...COMMON_ARG_TYPES,
    scale: { control: 'inline-radio', options: ['auto', 'price', 'percent'] },
  },
  render: (args, context) =>
    html`<live-chart
      symbols=${args.symbols}
      scale=${args.scale}
      theme=${args.theme}
      locale=${args.locale}
      relay=${relayFor(context, args.symbols)}
    ></live-chart>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Live: Story = {};
export const OneSymbol: Story = { args: { symbols: 'BTC' } };
export const ManySymbols: Story = { args: { symbols: 'BTC,ETH,SOL,ADA,DOT,DOGE' } };
export const PriceScale: Story = { args: { symbols: 'BTC', scale: 'price' } };
export const Stale: Story = { parameters: { market: { state: 'stale' } } };
export const Offline: Story = { parameters: { market: { state: 'offline' } } };
export const Paused: Story = { parameters: { market: { state: 'paused' } } };
export const UnknownSymbol: Story = { args: { symbols: 'BTC,NOTACOIN' } };
export const AllUnknown: Story = { args: { symbols: 'NOTACOIN' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const TinyPrices: Story = { args: { symbols: 'SHIB', scale: 'price' } };
export const Narrow: Story = { parameters: { width: '18rem' } };
