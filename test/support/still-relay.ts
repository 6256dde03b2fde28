import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import {
  bucketCount,
  bucketStart,
  CANDLE_RANGES,
  type Candle,
  type CandleRange,
  HOUR_MS,
  MINUTE_MS,
  type PricePoint,
  parseInstrument,
  type Quote,
  stepMsOf,
} from '@tickwire/protocol';
import { weekLine } from '../../packages/relay/src/sources/week-line.js';
import { candleLine } from '../../packages/relay/src/sparklines/candle-line.js';
import { WIDGETS_DIR } from './demo-relay.js';

/**
 * The moment a still page lives in: its clock is frozen here (see `FROZEN_CLOCK`). Inside a
 * bucket of every range, so the snapshot's and the ticks' prices fold into the bucket under way.
 */
export const STILL_TIME = Date.UTC(2026, 10, 28, 14, 32, 30);

/** A script for the page's head that stops its clock at `STILL_TIME`; timers still run. */
export const FROZEN_CLOCK = `<script>(() => {
  const RealDate = Date;
  class StillDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(${STILL_TIME}); else super(...args); }
    static now() { return ${STILL_TIME}; }
  }
  globalThis.Date = StillDate;
})();</script>`;

const PRICES: Record<string, [price: number, changePct: number]> = {
  BTC: [67_250.25, 1.54],
  ETH: [3_480.5, -2.13],
  SHIB: [0.00002341, 4.2],
  ADA: [0.4498, -0.7],
};

/** A fixed walk to `price` at `end`: the same numbers every run. */
function walk(
  price: number,
  points: number,
  stepMs: number,
  seed: number,
  end = STILL_TIME,
): PricePoint[] {
  let level = price;
  const out: PricePoint[] = [];
  for (let i = 0; i < points; i++) {
    out.unshift([end - i * stepMs, level]);
    level *= 1 + Math.sin(i * 0.7 + seed) * 0.003;
  }
  return out;
}

/**
 * What the still relay knows of its assets beyond their prices (`/v1/assets`): fixed facts for
 * BTC, ETH and ADA, with their 7-day lines, none for SHIB (a table then shows its row without
 * them, and without a line).
 */
const FACTS: Record<
  string,
  { name: string; rank: number; supply: number; h1: number; d7: number; colour: string }
> = {
  BTC: { name: 'Bitcoin', rank: 1, supply: 19_962_000, h1: 0.21, d7: 4.87, colour: '#f7931a' },
  ETH: { name: 'Ethereum', rank: 2, supply: 120_690_000, h1: -0.34, d7: -1.92, colour: '#627eea' },
  ADA: { name: 'Cardano', rank: 10, supply: 35_870_000_000, h1: 0, d7: 7.35, colour: '#0033ad' },
};

/** The `/v1/assets` answer for `assets` (or the first `top` by rank), in dollars. */
function assetsAnswer(assets: string[] | undefined, top: number | undefined) {
  const chosen = (assets ?? Object.keys(FACTS).slice(0, top)).filter((asset) => FACTS[asset]);
  return {
    t: STILL_TIME - 60_000,
    currency: 'USD',
    assets: Object.fromEntries(
      chosen.map((asset) => {
        const { name, rank, supply, h1, d7 } = FACTS[asset]!;
        const marketCap = supply * PRICES[asset]![0];
        return [
          asset,
          {
            asset,
            name,
            logo: `/v1/logos/${asset}`,
            rank,
            marketCap,
            circulatingSupply: supply,
            volume24h: marketCap * 0.027,
            changePct1h: h1,
            changePct7d: d7,
            // A week of hourly prices, thinned as a relay thins CoinGecko's.
            line7d: weekLine(weekOf(PRICES[asset]![0], d7, rank), STILL_TIME - 60_000),
            currency: 'USD',
            source: 'demo',
            t: STILL_TIME - 60_000,
            simulated: true,
          },
        ];
      }),
    ),
    unknown: (assets ?? []).filter((asset) => !FACTS[asset]),
  };
}

/**
 * A week of hourly prices to `price`, tilted to start where its 7 d change says: the line and
 * the figure beside it tell the same week.
 */
function weekOf(price: number, changePct7d: number, seed: number): number[] {
  const prices = walk(price, 169, HOUR_MS, seed).map(([, value]) => value);
  const tilt = price / (1 + changePct7d / 100) / prices[0]!;
  return prices.map((value, hour) => value * tilt ** (1 - hour / 168));
}

/** A logo as the relay would serve it: a disc of the asset's colour with its initial's bar. */
const logo = (colour: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="16" fill="${colour}"/><rect x="13" y="8" width="6" height="16" rx="2" fill="#fff"/></svg>`;

const quote = (symbol: string, ts = STILL_TIME - 2_000, nudge = 0): Quote => {
  const [price, changePct] = PRICES[symbol]!;
  const now = price * (1 + nudge);
  const open24h = price / (1 + changePct / 100);
  return {
    symbol,
    currency: parseInstrument(symbol).currency ?? 'USD',
    price: now,
    open24h,
    change24h: now - open24h,
    changePct24h: ((now - open24h) / open24h) * 100,
    volume24h: 1_000,
    ts,
    source: 'demo',
    stale: false,
  };
};

function candles(symbol: string, range: CandleRange): Candle[] {
  const step = stepMsOf(range);
  const count = bucketCount(range);
  const closes = walk(PRICES[symbol]![0], count + 1, step, symbol.length);
  const current = bucketStart(STILL_TIME, step);
  return closes.slice(1).map(([, close], i) => {
    const open = closes[i]![1];
    return [
      current - (count - 1 - i) * step,
      open,
      Math.max(open, close),
      Math.min(open, close),
      close,
      10,
    ];
  });
}

const event = (type: string, data: unknown, id?: string) =>
  `${id ? `id: ${id}\n` : ''}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

/** The ticks `tick()` sends, in turn: a step after the snapshot's time and a nudge to the price. */
const TICKS: [step: number, nudge: number][] = [
  [1, 0.0004],
  [2, -0.0002],
];

/**
 * A relay that holds still, for screenshots that must match pixel for pixel: the built
 * widgets, a stream of fixed prices, fixed candles. A stream gets its snapshot, then a tick
 * each time the test calls `tick()` (two in all, so the market feed has rows): ticks sent
 * on a timer could reach a busy page in one frame, which folds them into one update and
 * leaves the feed a row short. `stale` adds, after the last tick, a status event calling
 * every price stale.
 */
export async function startStillRelay(
  options: {
    stale?: boolean;
    /**
     * Time between the snapshot's history points, ms (default a minute): a second draws the
     * tick chart (`range="live"`) a few minutes of updates.
     */
    historyStepMs?: number;
  } = {},
) {
  const historyStepMs = options.historyStepMs ?? MINUTE_MS;
  /** Each open stream, with the symbols it asked for and how many ticks it has had. */
  const streams = new Map<import('node:http').ServerResponse, { known: string[]; ticks: number }>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://still');
    const cors = { 'Access-Control-Allow-Origin': '*' };
    const wanted = (url.searchParams.get('symbols') ?? url.searchParams.get('symbol') ?? '')
      .split(',')
      .filter(Boolean);
    const known = wanted.filter((symbol) => PRICES[symbol]);
    if (url.pathname === '/v1/stream') {
      res.writeHead(200, {
        ...cors,
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
      });
      streams.set(res, { known, ticks: 0 });
      res.on('close', () => streams.delete(res));
      res.write(
        event('snapshot', {
          interval: 5_000,
          ttl: 3_600_000,
          currency: 'USD',
          quotes: Object.fromEntries(known.map((symbol) => [symbol, quote(symbol)])),
          history: Object.fromEntries(
            // Ending at the snapshot's quote, as a relay's history does.
            known.map((symbol) => [
              symbol,
              walk(PRICES[symbol]![0], 60, historyStepMs, symbol.length, quote(symbol).ts),
            ]),
          ),
          unknown: wanted.filter((symbol) => !PRICES[symbol]),
          sources: [{ id: 'demo', state: 'ok', simulated: true }],
          // Drawn from the 24 h candles the chart shows, as a relay draws it.
          sparklines: Object.fromEntries(
            known.map((symbol) => [symbol, candleLine(candles(symbol, '24h'), '24h', STILL_TIME)]),
          ),
        }),
      );
      return;
    }
    if (url.pathname === '/v1/symbols') {
      // What a converter reads to find a route for a pair not listed: every pair is in USD.
      const listed = Object.keys(PRICES);
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ currency: 'USD', currencies: ['USD'], symbols: listed, defaults: listed }),
      );
      return;
    }
    if (url.pathname === '/v1/assets') {
      const top = Number(url.searchParams.get('top')) || undefined;
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      res.end(JSON.stringify(assetsAnswer(top ? undefined : wanted, top)));
      return;
    }
    const logoOf = /^\/v1\/logos\/(\w+)$/.exec(url.pathname)?.[1];
    if (logoOf && FACTS[logoOf]) {
      res.writeHead(200, { ...cors, 'Content-Type': 'image/svg+xml' });
      res.end(logo(FACTS[logoOf].colour));
      return;
    }
    if (url.pathname === '/v1/candles') {
      const symbol = wanted[0] ?? '';
      if (!PRICES[symbol]) {
        res.writeHead(400, { ...cors, 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({ error: { code: 'unknown_symbol', message: `No ${symbol} here.` } }),
        );
        return;
      }
      const range = (url.searchParams.get('range') ?? '24h') as CandleRange;
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          symbol,
          range,
          resolution: CANDLE_RANGES[range].resolution,
          currency: 'USD',
          source: 'demo',
          simulated: true,
          candles: candles(symbol, range),
        }),
      );
      return;
    }
    try {
      const body = await readFile(join(WIDGETS_DIR, url.pathname.replace(/^\/+/, '')));
      res.writeHead(200, {
        ...cors,
        'Content-Type':
          extname(url.pathname) === '.js' ? 'text/javascript' : 'application/octet-stream',
      });
      res.end(body);
    } catch {
      res.writeHead(404, cors).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Sends every open stream its next tick (and, on a stale relay, the status after the last). */
    tick(): void {
      for (const [res, stream] of streams) {
        const { known, ticks: index } = stream;
        const next = TICKS[index];
        if (!next) continue;
        stream.ticks++;
        const [step, nudge] = next;
        const ts = STILL_TIME - 2_000 + step * 500;
        res.write(
          event(
            'quotes',
            {
              t: ts,
              quotes: Object.fromEntries(known.map((symbol) => [symbol, quote(symbol, ts, nudge)])),
            },
            `still-${step}`,
          ),
        );
        if (index === TICKS.length - 1 && options.stale) {
          res.write(
            event('status', {
              sources: [{ id: 'demo', state: 'down', error: 'timeout', simulated: true }],
              stale: known,
            }),
          );
        }
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams.keys()) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
