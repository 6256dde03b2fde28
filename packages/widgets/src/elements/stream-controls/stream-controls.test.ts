import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { SourceStatus } from '@tickwire/protocol';
import { executeServerCommand } from '@web/test-runner-commands';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import { partText, scriptedRelay } from '../../feed/testing.js';
import '../../index.js';
import type { PriceCard } from '../price-card/price-card.js';
import type { StreamControls } from './stream-controls.js';

describe('<stream-controls>', () => {
  async function setup() {
    const { feed, relay } = scriptedRelay('controls');
    const box = await fixture<HTMLDivElement>(html`<div>
      <stream-controls relay=${relay} locale="en-US"></stream-controls>
      <price-card symbol="BTC" relay=${relay}></price-card>
    </div>`);
    const controls = box.querySelector<StreamControls>('stream-controls')!;
    const card = box.querySelector<PriceCard>('price-card')!;
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
    await controls.updateComplete;
    await card.updateComplete;
    return { feed, controls, card };
  }

  it('pauses and resumes every element of its relay, with a real button that says what it will do', async () => {
    const { feed, controls, card } = await setup();
    const button = controls.shadowRoot!.querySelector<HTMLButtonElement>('button[part="toggle"]')!;
    expect(button.textContent!.trim()).to.equal('Pause');
    // A label that says what the button will do, not also a pressed state: "Resume, pressed" misleads.
    expect(button.hasAttribute('aria-pressed')).to.equal(false);

    setTimeout(() => button.click());
    await oneEvent(controls, 'tickwire-pause');
    await controls.updateComplete;
    await card.updateComplete;
    expect(feed.paused).to.equal(true);
    expect(card.getAttribute('state')).to.equal('paused');
    expect(controls.getAttribute('state')).to.equal('paused');
    expect(button.textContent!.trim()).to.equal('Resume');
    expect(button.hasAttribute('aria-pressed')).to.equal(false);

    setTimeout(() => button.click());
    await oneEvent(controls, 'tickwire-resume');
    await card.updateComplete;
    expect(feed.paused).to.equal(false);
    expect(card.getAttribute('state')).to.equal('live');
  });

  it('sets how often the page refreshes, without touching the relay', async () => {
    const { feed, controls } = await setup();
    const select = controls.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    expect(select.selectedOptions[0]!.textContent!.trim()).to.equal('live (every 5 s)');
    select.value = '10';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const event = (await oneEvent(controls, 'tickwire-refresh-change')) as CustomEvent<{
      intervalMs: number;
    }>;
    expect(event.detail.intervalMs).to.equal(10_000);
    expect(feed.throttleMs).to.equal(10_000);
  });

  it('offers only refreshes the relay can deliver: live first, then nothing faster than its polls', async () => {
    const { feed, controls } = await setup();
    const offered = () =>
      [...controls.shadowRoot!.querySelectorAll('[part="refresh"] option')].map((option) =>
        option.textContent!.trim(),
      );
    expect(offered()).to.deep.equal([
      'live (every 5 s)',
      'every 10 s',
      'every 15 s',
      'every 30 s',
      'every 60 s',
    ]);
    const quotes = [sampleQuote('BTC', 67_000, 1)];
    feed.send({ type: 'snapshot', data: { ...sampleSnapshot(quotes), interval: 1_000 } });
    await controls.updateComplete;
    expect(offered().slice(0, 3)).to.deep.equal(['live (every 1 s)', 'every 2 s', 'every 5 s']);
    feed.send({ type: 'snapshot', data: { ...sampleSnapshot(quotes), interval: 60_000 } });
    await controls.updateComplete;
    expect(offered()).to.deep.equal(['live (every 60 s)']);
  });

  it('says "live (streaming)" while every source of the page’s prices streams, and offers every pace; the interval again once one polls', async () => {
    const { feed, controls } = await setup();
    const offered = () =>
      [...controls.shadowRoot!.querySelectorAll('[part="refresh"] option')].map((option) =>
        option.textContent!.trim(),
      );
    const streaming = {
      id: 'binance',
      state: 'ok',
      simulated: false,
      transport: 'stream',
    } as const;
    const polled = { id: 'coingecko', state: 'ok', simulated: false } as const;
    feed.send({
      type: 'snapshot',
      data: {
        ...sampleSnapshot([sampleQuote('BTC', 67_000, 1, { source: 'binance' })]),
        sources: [streaming, polled],
      },
    });
    await controls.updateComplete;
    expect(offered()).to.deep.equal([
      'live (streaming)',
      'every 1 s',
      'every 2 s',
      'every 5 s',
      'every 10 s',
      'every 15 s',
      'every 30 s',
      'every 60 s',
    ]);
    // The stream dropped: Binance is polled while it reconnects, every interval again.
    const fallback = { ...streaming, transport: 'poll', streamError: 'stalled' } as const;
    feed.send({ type: 'status', data: { sources: [fallback, polled], stale: [] } });
    await controls.updateComplete;
    expect(offered()[0]).to.equal('live (every 5 s)');
    // Back to streaming, but a price of the page comes from a polled source: not all live.
    feed.send({
      type: 'snapshot',
      data: {
        ...sampleSnapshot([
          sampleQuote('BTC', 67_000, 1, { source: 'binance' }),
          sampleQuote('ETH', 3_500, 1, { source: 'coingecko' }),
        ]),
        sources: [streaming, polled],
      },
    });
    await controls.updateComplete;
    expect(offered()[0]).to.equal('live (every 5 s)');
    await expect(controls).to.be.accessible();
  });

  it('shows the connection, the last update and each source’s health', async () => {
    const { feed, controls } = await setup();
    feed.send({
      type: 'status',
      data: {
        sources: [
          { id: 'binance', state: 'down', error: 'timeout', simulated: false },
          { id: 'coingecko', state: 'ok', simulated: false },
        ],
        stale: [],
      },
    });
    await controls.updateComplete;
    expect(partText(controls, 'state')).to.equal('Live');
    expect(partText(controls, 'updated')).to.match(/^Updated \d{1,2}:\d{2}:\d{2}/);
    expect(partText(controls, 'sources')).to.equal('binance: down — timeout coingecko: ok');
    await expect(controls).to.be.accessible();
  });

  it('says how a streaming source’s prices come: streaming, or polling while its stream reconnects', async () => {
    const { feed, controls } = await setup();
    const show = async (sources: SourceStatus[]) => {
      feed.send({ type: 'status', data: { sources, stale: [] } });
      await controls.updateComplete;
      return partText(controls, 'sources');
    };
    const binance = { id: 'binance', state: 'ok', simulated: false } as const;
    expect(await show([{ ...binance, transport: 'stream' }])).to.equal('binance: streaming');
    expect(
      await show([{ ...binance, transport: 'poll', streamError: 'socket closed by the exchange' }]),
    ).to.equal('binance: polling, stream reconnecting — socket closed by the exchange');
    expect(
      await show([
        { ...binance, state: 'down', error: 'timeout', transport: 'poll', streamError: 'stalled' },
      ]),
    ).to.equal('binance: down, polling, stream reconnecting — stalled');
    await expect(controls).to.be.accessible();
  });

  it('fires nothing when the page changes the feed itself', async () => {
    const { feed, controls } = await setup();
    let fired = 0;
    controls.addEventListener('tickwire-pause', () => fired++);
    feed.pause();
    await controls.updateComplete;
    expect(fired).to.equal(0);
  });

  it('alone on a page, it opens the stream itself and shows the connection and the sources', async () => {
    const relay = (await executeServerCommand('relay-url')) as string;
    const controls = await fixture<StreamControls>(
      html`<stream-controls relay=${`${relay}/`} locale="en-US"></stream-controls>`,
    );
    await waitUntil(
      () => controls.getAttribute('state') === 'live',
      'live, not connecting forever',
      {
        timeout: 5_000,
      },
    );
    await waitUntil(() => partText(controls, 'updated').startsWith('Updated'));
    expect(partText(controls, 'sources')).to.equal('demo: ok (simulated)');
  });

  it('while offline, sources read "unknown": their last state may no longer be true', async () => {
    const { feed, controls } = await setup();
    expect(partText(controls, 'sources')).to.contain(': ok');
    feed.setState('offline');
    await controls.updateComplete;
    expect(controls.getAttribute('state')).to.equal('offline');
    expect(partText(controls, 'sources')).to.match(/^\S+: unknown$/);
    expect(partText(controls, 'sources')).not.to.contain('ok');
  });

  it('says Stale when the relay’s prices are stale, as every other element does', async () => {
    const { feed, controls, card } = await setup();
    feed.send({
      type: 'status',
      data: { sources: [{ id: 'demo', state: 'ok', simulated: true }], stale: ['BTC'] },
    });
    await controls.updateComplete;
    await card.updateComplete;
    expect(card.getAttribute('state')).to.equal('stale');
    expect(controls.getAttribute('state')).to.equal('stale');
    expect(partText(controls, 'state')).to.equal('Stale');
  });

  it('speaks for its own page: another page’s stale symbol leaves it Live', async () => {
    const { feed, controls, card } = await setup();
    feed.send({
      type: 'status',
      data: { sources: [{ id: 'demo', state: 'ok', simulated: true }], stale: ['XRP', 'ETH/BTC'] },
    });
    await controls.updateComplete;
    await card.updateComplete;
    expect(controls.getAttribute('state')).to.equal('live');
    expect(partText(controls, 'state')).to.equal('Live');
    expect(card.getAttribute('state')).to.equal('live');
  });
});
