import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { feedFor } from '../packages/widgets/src/feed/feed-registry.js';
import type { ScriptedFeed } from '../packages/widgets/src/feed/scripted-feed.js';
import { COMMON_ARG_TYPES, COMMON_ARGS } from './support/arg-types.js';
import { relayFor, SCRIPTED } from './support/with-relay.js';

interface Args {
  from: string;
  to: string;
  amount: number;
  cross: boolean;
  source: string;
  theme: string;
  locale: string;
}

/**
 * The relay of a story: the scripted market pricing the pair itself, or, for `noPair`, one
 * that has the two assets in dollars only and says it does not have the pair, as a relay
 * without it would (the converter then crosses through USD, if allowed).
 */
function relayOf(args: Args, context: StoryContext<Args>): string {
  const pair = `${args.from}/${args.to}`;
  if (!context.parameters.noPair) return relayFor(context, pair, args);
  const relay = relayFor(context, `${args.from},${args.to}`);
  if (((context.globals.relay as string | undefined) ?? SCRIPTED) !== SCRIPTED) return relay;
  (feedFor(relay) as ScriptedFeed).send({
    type: 'snapshot',
    data: {
      interval: 5_000,
      ttl: 60_000,
      currency: 'USD',
      quotes: {},
      history: {},
      unknown: [pair],
      sources: [],
    },
  });
  return relay;
}

const meta: Meta<Args> = {
  title: 'Elements/price-converter',
  component: 'price-converter',
  tags: ['autodocs'],
  args: { from: 'BTC', to: 'EUR', amount: 1, cross: false, source: '', ...COMMON_ARGS },
  argTypes: {
    ...COMMON_ARG_TYPES,
    amount: { control: { type: 'number', min: 0 } },
    cross: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Type an amount in either field, in the element’s locale (`1,5` in German); the other follows the live price. The asset fields suggest what the relay lists. A pair the relay does not have is converted through a third asset only with `cross`, and labelled so ("via USD").',
      },
    },
  },
  render: (args, context) =>
    html`<price-converter
      from=${args.from}
      to=${args.to}
      amount=${args.amount}
      ?cross=${args.cross}
      source=${args.source || nothing}
      theme=${args.theme}
      locale=${args.locale}
      relay=${relayOf(args, context)}
    ></price-converter>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Live: Story = {};
export const Stale: Story = { parameters: { market: { state: 'stale' } } };
export const Offline: Story = { parameters: { market: { state: 'offline' } } };
export const Paused: Story = { parameters: { market: { state: 'paused' } } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Light: Story = { args: { theme: 'light' } };
export const German: Story = { args: { amount: 1.5, locale: 'de-DE' } };
export const CryptoToCrypto: Story = { args: { from: 'ETH', to: 'BTC', amount: 2.5 } };
export const CrossRate: Story = {
  args: { from: 'SOL', to: 'DOGE', cross: true },
  parameters: { noPair: true },
};
export const NoPairWithoutCross: Story = {
  args: { from: 'SOL', to: 'DOGE' },
  parameters: { noPair: true },
};
export const Narrow: Story = { parameters: { width: '200px' } };
export const Arabic: Story = {
  args: { locale: 'ar-EG', amount: 1.5 },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
