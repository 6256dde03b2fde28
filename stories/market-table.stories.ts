import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { factsRelay } from './support/facts-relay.js';

interface Args {
  symbols: string;
  top: number;
  theme: string;
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Elements/market-table',
  component: 'market-table',
  tags: ['autodocs'],
  args: { symbols: 'BTC,ETH,SOL,DOGE,ADA', top: 0, ...COMMON_ARGS },
  argTypes: {
    ...COMMON_ARG_TYPES,
    top: { control: { type: 'number', min: 0, max: 100 } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A table of assets from the relay: names, logos, market figures and 7-day lines from its `/v1/assets` (one request for the whole table, again every few minutes), prices and 24 h change from the stream. Market cap is circulating supply × the live price. Without facts the table shows what the stream carries — price, 24 h change and the 24 h line, headed “Last 24h” — and leaves the other columns out (see WithoutFacts). Click or press Enter on a header to sort; rows hold still while the pointer or focus is in the table, and a price tick redraws only its own row. Logos are the relay’s own; this scripted market serves none, so each row shows its monogram. Its facts are simulated, and labelled so.',
      },
    },
  },
  render: (args, context) =>
    html`<market-table
      symbols=${args.symbols || nothing}
      top=${args.top || nothing}
      theme=${args.theme}
      locale=${args.locale}
      relay=${factsRelay(args.symbols, context)}
    ></market-table>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Live: Story = {};
export const Top: Story = { args: { symbols: '', top: 5 } };
export const WithoutFacts: Story = { parameters: { noFacts: true } };
export const Stale: Story = { parameters: { market: { state: 'stale' } } };
export const Offline: Story = { parameters: { market: { state: 'offline' } } };
export const Paused: Story = { parameters: { market: { state: 'paused' } } };
export const UnknownSymbol: Story = { args: { symbols: 'BTC,NOTACOIN' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Light: Story = { args: { theme: 'light' } };
export const Narrow: Story = { parameters: { width: '200px' } };
export const Phone: Story = { parameters: { width: '375px' } };
export const Arabic: Story = {
  args: { locale: 'ar-EG' },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
