import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { factsRelay } from './support/facts-relay.js';

interface Args {
  symbols: string;
  show: string;
  limit: number;
  threshold: number;
  theme: string;
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Elements/market-feed',
  component: 'market-feed',
  tags: ['autodocs'],
  args: { symbols: 'BTC,ETH,SOL', limit: 12, threshold: 0.3, show: '', ...COMMON_ARGS },
  argTypes: {
    ...COMMON_ARG_TYPES,
    show: { control: 'inline-radio', options: ['', 'name', 'logo', 'name,logo'] },
    limit: { control: { type: 'number', min: 1, max: 100 } },
    threshold: { control: { type: 'number', min: 0, step: 0.05 } },
  },
  render: (args, context) =>
    html`<market-feed
      symbols=${args.symbols}
      limit=${args.limit}
      threshold=${args.threshold}
      show=${args.show || nothing}
      theme=${args.theme}
      locale=${args.locale}
      relay=${factsRelay(args.symbols, context)}
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

export const NamesAndLogos: Story = {
  args: { show: 'name,logo' },
  parameters: {
    docs: {
      description: {
        story:
          'An activity feed with `show="name,logo"`: each asset’s name and logo from the relay’s `/v1/assets` (asked once per page), before its symbol. Off by default. Logos are the relay’s own; this scripted market serves none, so each shows its monogram, as it does where a logo fails to load. In a narrow box the name gives way with an ellipsis before the figures do.',
      },
    },
  },
};
