import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { factsRelay } from './support/facts-relay.js';

interface Args {
  symbols: string;
  show: string;
  currency: string;
  range: string;
  type: string;
  scale: string;
  layout: string;
  selected: string;
  theme: string;
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Elements/live-chart',
  component: 'live-chart',
  tags: ['autodocs'],
  args: {
    symbols: 'BTC,ETH',
    currency: '',
    range: '24h',
    type: 'line',
    scale: 'auto',
    layout: 'overlay',
    selected: '',
    show: '',
    ...COMMON_ARGS,
  },
  argTypes: {
    ...COMMON_ARG_TYPES,
    show: { control: 'inline-radio', options: ['', 'name', 'logo', 'name,logo'] },
    range: { control: 'inline-radio', options: ['live', '1h', '24h', '7d', '30d', '1y'] },
    type: { control: 'inline-radio', options: ['line', 'area', 'candles'] },
    scale: { control: 'inline-radio', options: ['auto', 'price', 'percent'] },
    layout: { control: 'inline-radio', options: ['overlay', 'tabs'] },
  },
  render: (args, context) =>
    html`<live-chart
      symbols=${args.symbols}
      currency=${args.currency || nothing}
      range=${args.range}
      type=${args.type}
      scale=${args.scale}
      layout=${args.layout}
      selected=${args.selected || nothing}
      show=${args.show || nothing}
      theme=${args.theme}
      locale=${args.locale}
      relay=${factsRelay(args.symbols, context, args)}
    ></live-chart>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Live: Story = {};
export const OneHour: Story = { args: { symbols: 'BTC', range: '1h' } };
export const SevenDays: Story = { args: { range: '7d' } };
export const ThirtyDaysArea: Story = { args: { symbols: 'SOL', range: '30d', type: 'area' } };
export const OneYear: Story = { args: { symbols: 'ETH', range: '1y' } };
export const LiveTicks: Story = { args: { range: 'live' } };
/**
 * The tick chart on an exchange's stream (`SOURCES=binance:stream`): every update its own
 * point, several a second, the last 5 minutes; the legend's change is the card's 24 h figure.
 */
export const TickChart: Story = {
  args: { symbols: 'BTC', range: 'live', scale: 'price' },
  parameters: { market: { tickMs: 300 } },
};
/** The tick chart of two symbols on a stream: percent change from each one's 24 h open. */
export const TickChartTwoSymbols: Story = {
  args: { symbols: 'BTC,ETH', range: 'live', theme: 'dark' },
  parameters: { market: { tickMs: 300 } },
};
export const Candles: Story = { args: { symbols: 'BTC', type: 'candles' } };
export const CandlesDark: Story = { args: { symbols: 'BTC', type: 'candles', theme: 'dark' } };
export const OneSymbol: Story = { args: { symbols: 'BTC' } };
export const ManySymbols: Story = { args: { symbols: 'BTC,ETH,SOL,ADA,DOT,DOGE' } };
/** Twelve symbols, twelve colours: the last values beside the axis, the legend one row that scrolls. */
export const TwelveSymbols: Story = {
  args: { symbols: 'BTC,ETH,SOL,BNB,XRP,ADA,DOGE,TRX,TON,AVAX,SHIB,DOT' },
};
/** Twelve symbols in a phone's width. */
export const TwelveSymbolsNarrow: Story = {
  args: { symbols: 'BTC,ETH,SOL,BNB,XRP,ADA,DOGE,TRX,TON,AVAX,SHIB,DOT' },
  decorators: [(story) => html`<div style="width: 375px">${story()}</div>`],
};
export const PriceScale: Story = { args: { symbols: 'BTC', scale: 'price' } };
export const Stale: Story = { parameters: { market: { state: 'stale' } } };
export const Offline: Story = { parameters: { market: { state: 'offline' } } };
export const Paused: Story = { parameters: { market: { state: 'paused' } } };
export const NoCandles: Story = {
  args: { symbols: 'BTC', range: '1h' },
  parameters: { market: { candles: 'none' } },
};
export const UnknownSymbol: Story = { args: { symbols: 'BTC,NOTACOIN' } };
export const AllUnknown: Story = { args: { symbols: 'NOTACOIN' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const TinyPrices: Story = { args: { symbols: 'SHIB', scale: 'price' } };
export const Narrow: Story = { parameters: { width: '200px' } };
export const NarrowManySymbols: Story = {
  args: { symbols: 'BTC,ETH,SOL,ADA,DOGE' },
  parameters: { width: '200px' },
};
export const Wide: Story = { args: { type: 'area' }, parameters: { width: '1200px' } };
export const InBitcoin: Story = { args: { symbols: 'ETH/BTC,SOL/BTC' } };
export const OneInBitcoin: Story = { args: { symbols: 'ETH/BTC', type: 'candles' } };
export const Euros: Story = { args: { symbols: 'BTC', currency: 'EUR', locale: 'de-DE' } };
/** TradingView's Symbol Overview: a tab per symbol, its price and change, above one chart of the tab selected. */
export const Tabs: Story = { args: { symbols: 'BTC,ETH,SOL', layout: 'tabs' } };
/** The tabs in a 200 px box scroll sideways; ETH selected. */
export const TabsNarrow: Story = {
  args: { symbols: 'BTC,ETH,SOL,ADA', layout: 'tabs', selected: 'ETH', theme: 'dark' },
  decorators: [(story) => html`<div style="width: 200px">${story()}</div>`],
};

export const NamesAndLogos: Story = {
  args: { show: 'name,logo' },
  parameters: {
    docs: {
      description: {
        story:
          'A chart with `show="name,logo"`: each asset’s name and logo from the relay’s `/v1/assets` (asked once per page), before its symbol in the legend (or its tab). Off by default. Logos are the relay’s own; this scripted market serves none, so each shows its monogram, as it does where a logo fails to load. In a narrow box the name gives way with an ellipsis before the figures do.',
      },
    },
  },
};
