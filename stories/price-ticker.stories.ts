import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { relayFor } from './support/with-relay.js';

interface Args {
  symbols: string;
  layout: string;
  theme: string;
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Elements/price-ticker',
  component: 'price-ticker',
  tags: ['autodocs'],
  args: { symbols: 'BTC,ETH,SOL,ADA,DOT', layout: 'grid', ...COMMON_ARGS },
  argTypes: { ...COMMON_ARG_TYPES, layout: { control: 'inline-radio', options: ['grid', 'tape'] } },
  render: (args, context) =>
    html`<price-ticker
      symbols=${args.symbols}
      layout=${args.layout}
      theme=${args.theme}
      locale=${args.locale}
      relay=${relayFor(context, args.symbols)}
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
