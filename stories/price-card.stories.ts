import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { factsRelay } from './support/facts-relay.js';

interface Args {
  symbol: string;
  show: string;
  currency: string;
  source: string;
  theme: string;
  locale: string;
  announceEvery: number;
}

const meta: Meta<Args> = {
  title: 'Elements/price-card',
  component: 'price-card',
  tags: ['autodocs'],
  args: { symbol: 'BTC', currency: '', source: '', announceEvery: 60, show: '', ...COMMON_ARGS },
  argTypes: {
    ...COMMON_ARG_TYPES,
    show: { control: 'inline-radio', options: ['', 'name', 'logo', 'name,logo'] },
    announceEvery: { name: 'announce-every', control: { type: 'number', min: 0 } },
  },
  render: (args, context) =>
    html`<price-card
      symbol=${args.symbol}
      currency=${args.currency || nothing}
      source=${args.source || nothing}
      show=${args.show || nothing}
      theme=${args.theme}
      locale=${args.locale}
      announce-every=${args.announceEvery}
      relay=${factsRelay(args.symbol, context, args)}
    ></price-card>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Live: Story = {};
export const Stale: Story = { parameters: { market: { state: 'stale' } } };
export const Offline: Story = { parameters: { market: { state: 'offline' } } };
export const Paused: Story = { parameters: { market: { state: 'paused' } } };
export const UnknownSymbol: Story = { args: { symbol: 'NOTACOIN' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Light: Story = { args: { theme: 'light' } };
export const TinyPrice: Story = { args: { symbol: 'SHIB' } };
export const HugePrice: Story = { parameters: { market: { prices: { BTC: 1_234_567.89 } } } };
export const LongName: Story = {
  args: { symbol: 'LONGESTTOKEN123' },
  parameters: { market: { prices: { LONGESTTOKEN123: 42.5 } } },
};
export const Narrow: Story = { parameters: { width: '11rem' } };
export const German: Story = { args: { locale: 'de-DE' } };
export const Euros: Story = { args: { currency: 'EUR', locale: 'de-DE' } };
export const InBitcoin: Story = { args: { symbol: 'ETH/BTC' } };
export const Satoshis: Story = { args: { symbol: 'DOGE/BTC' } };
export const PinnedSource: Story = { args: { source: 'binance' } };

export const NamesAndLogos: Story = {
  args: { show: 'name,logo' },
  parameters: {
    docs: {
      description: {
        story:
          'A card with `show="name,logo"`: each asset’s name and logo from the relay’s `/v1/assets` (asked once per page), before its symbol. Off by default. Logos are the relay’s own; this scripted market serves none, so each shows its monogram, as it does where a logo fails to load. In a narrow box the name gives way with an ellipsis before the figures do.',
      },
    },
  },
};
