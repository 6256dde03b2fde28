import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { relayFor } from './support/with-relay.js';

interface Args {
  symbols: string;
  limit: number;
  threshold: number;
  theme: string;
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Elements/market-feed',
  component: 'market-feed',
  tags: ['autodocs'],
  args: { symbols: 'BTC,ETH,SOL', limit: 12, threshold: 0.3, ...COMMON_ARGS },
  argTypes: {
    ...COMMON_ARG_TYPES,
    limit: { control: { type: 'number', min: 1, max: 100 } },
    threshold: { control: { type: 'number', min: 0, step: 0.05 } },
  },
  render: (args, context) =>
    html`<market-feed
      symbols=${args.symbols}
      limit=${args.limit}
      threshold=${args.threshold}
      theme=${args.theme}
      locale=${args.locale}
      relay=${relayFor(context, args.symbols)}
    ></market-feed>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Live: Story = {};
export const OneSymbol: Story = { args: { symbols: 'BTC' } };
export const Stale: Story = { parameters: { market: { state: 'stale' } } };
export const Offline: Story = { parameters: { market: { state: 'offline' } } };
export const Paused: Story = { parameters: { market: { state: 'paused' } } };
export const UnknownSymbol: Story = { args: { symbols: 'BTC,NOTACOIN' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Narrow: Story = { parameters: { width: '16rem' } };
