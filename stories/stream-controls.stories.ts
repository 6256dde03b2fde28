import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { relayFor } from './support/with-relay.js';

interface Args {
  theme: string;
  locale: string;
}

/** The controls drive every element of their relay: each story pairs them with a card. */
const meta: Meta<Args> = {
  title: 'Elements/stream-controls',
  component: 'stream-controls',
  tags: ['autodocs'],
  args: { ...COMMON_ARGS },
  argTypes: COMMON_ARG_TYPES,
  render: (args, context) => {
    const relay = relayFor(context, 'BTC');
    return html`<stream-controls theme=${args.theme} locale=${args.locale} relay=${relay}></stream-controls>
      <p></p>
      <price-card symbol="BTC" theme=${args.theme} locale=${args.locale} relay=${relay}></price-card>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Live: Story = {};
export const Stale: Story = { parameters: { market: { state: 'stale' } } };
export const Offline: Story = { parameters: { market: { state: 'offline' } } };
export const Paused: Story = { parameters: { market: { state: 'paused' } } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Narrow: Story = { parameters: { width: '16rem' } };
/** A relay of several sources: the controls offer the page's choice of source. */
export const SeveralSources: Story = {
  parameters: { market: { sources: ['binance', 'coingecko'] } },
};
/**
 * Every source of the page's prices streams (`SOURCES=binance:stream`): the refresh menu says
 * "live (streaming)", with no interval, and offers every slower pace.
 */
export const Streaming: Story = { parameters: { market: { tickMs: 300 } } };
