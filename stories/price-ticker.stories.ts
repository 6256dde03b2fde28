import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { factsRelay } from './support/facts-relay.js';

interface Args {
  symbols: string;
  show: string;
  layout: string;
  theme: string;
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Elements/price-ticker',
  component: 'price-ticker',
  tags: ['autodocs'],
  args: { symbols: 'BTC,ETH,SOL,ADA,DOT', layout: 'grid', show: '', ...COMMON_ARGS },
  argTypes: {
    ...COMMON_ARG_TYPES,
    show: { control: 'inline-radio', options: ['', 'name', 'logo', 'name,logo'] },
    layout: { control: 'inline-radio', options: ['grid', 'tape'] },
  },
  render: (args, context) =>
    html`<price-ticker
      symbols=${args.symbols}
      layout=${args.layout}
      show=${args.show || nothing}
      theme=${args.theme}
      locale=${args.locale}
      relay=${factsRelay(args.symbols, context)}
    ></price-ticker>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Grid: Story = {};
export const Tape: Story = { args: { layout: 'tape' } };
export const OneSymbol: Story = { args: { symbols: 'BTC' } };
export const Stale: Story = { parameters: { market: { state: 'stale' } } };
export const Offline: Story = {
  args: { layout: 'tape' },
  parameters: { market: { state: 'offline' } },
};
export const Paused: Story = { parameters: { market: { state: 'paused' } } };
export const UnknownSymbol: Story = { args: { symbols: 'BTC,NOTACOIN', layout: 'tape' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Narrow: Story = { parameters: { width: '14rem' } };

export const NamesAndLogos: Story = {
  args: { layout: 'tape', show: 'name,logo' },
  parameters: {
    docs: {
      description: {
        story:
          'A tape with `show="name,logo"`: each asset’s name and logo from the relay’s `/v1/assets` (asked once per page), before its symbol. Off by default. Logos are the relay’s own; this scripted market serves none, so each shows its monogram, as it does where a logo fails to load. In a narrow box the name gives way with an ellipsis before the figures do.',
      },
    },
  },
};
