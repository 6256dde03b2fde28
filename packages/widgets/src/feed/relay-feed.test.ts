import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { filter, firstValueFrom } from 'rxjs';
import '../index.js';
import type { PriceCard } from '../elements/price-card/price-card.js';
import { FakeClock } from './fake-clock.js';
import { RelayFeed } from './relay-feed.js';

/** A real EventSource that remembers every URL it opened. */
function recordingEventSource() {
  const urls: string[] = [];
  class Recording extends EventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      urls.push(String(url));
    }
  }
  return { urls, Recording };
}

/** An EventSource that never touches the network: the test says what it hears. */
class ScriptedSource extends EventTarget {
  static opened: ScriptedSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    ScriptedSource.opened.push(this);
  }
  close(): void {
    this.closed = true;
  }
  hear(type: string, data: unknown = {}): void {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

/** A feed on fake time whose streams are `ScriptedSource`s, watching BTC. */
async function feedOnFakeTime() {
  ScriptedSource.opened = [];
  const clock = new FakeClock();
  const feed = new RelayFeed('https://relay.test/', {
    clock,
    eventSource: ScriptedSource as unknown as typeof EventSource,
  });
  const subscription = feed.watch(['BTC']).subscribe();
  await waitUntil(() => ScriptedSource.opened.length === 1, 'the stream opens');
  return { clock, feed, subscription, stream: () => ScriptedSource.opened.at(-1)! };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('the relay feed on fake time', () => {
  it('turns a silent stream’s prices stale at the first check past the TTL and an interval', async () => {
    const { clock, feed, subscription, stream } = await feedOnFakeTime();
    try {
      stream().hear('open');
      stream().hear('snapshot', {
        interval: 500,
        ttl: 1_000,
        quotes: {
          BTC: {
            symbol: 'BTC',
            currency: 'USD',
            price: 67_000,
            changePct24h: 1,
            ts: clock.now(),
            source: 'binance',
            stale: false,
          },
        },
        history: {},
        unknown: [],
        sources: [{ id: 'binance', state: 'ok' }],
      });
      expect(feed.view.stale.has('BTC')).to.equal(false);
      // Checked every second: at 1 s the price is 1 s old, within 1.5 s; at 2 s it is not.
      clock.tick(1_000);
      await nextFrame();
      expect(feed.view.stale.has('BTC')).to.equal(false, 'fresh at 1 s');
      clock.tick(1_000);
      await nextFrame();
      expect(feed.view.stale.has('BTC')).to.equal(true, 'stale at 2 s');
    } finally {
      subscription.unsubscribe();
    }
  });

  it('reopens a failed stream after its backoff, 0.5–1 s the first time, from the last event id', async () => {
    const { clock, subscription, stream } = await feedOnFakeTime();
    try {
      stream().hear('open');
      stream().dispatchEvent(
        new MessageEvent('status', { data: '{"sources":[],"stale":[]}', lastEventId: '7-1' }),
      );
      stream().hear('error');
      clock.tick(499);
      expect(ScriptedSource.opened.length).to.equal(1, 'not within half the first wait');
      clock.tick(501);
      expect(ScriptedSource.opened.length).to.equal(2, 'again within the first wait');
      expect(new URL(stream().url).searchParams.get('lastEventId')).to.equal('7-1');
    } finally {
      subscription.unsubscribe();
    }
  });
});

describe('the relay feed', () => {
  it('resumes after a dropped stream from the last event id: no new snapshot, nothing missed', async () => {
    const relay = (await executeServerCommand('relay-url')) as string;
    const { urls, Recording } = recordingEventSource();
    const feed = new RelayFeed(`${relay}/`, { eventSource: Recording });
    const subscription = feed.watch(['BTC']).subscribe();
    try {
      await firstValueFrom(feed.watch(['BTC']).pipe(filter((view) => view.connection === 'live')));
      await waitUntil(() => (feed.view.history.get('BTC')?.length ?? 0) > 0);
      expect(feed.view.snapshots).to.equal(1);
      await executeServerCommand('relay-drop-streams');
      await waitUntil(() => urls.length === 2, 'the feed reconnects by itself', { timeout: 5_000 });
      expect(new URL(urls[1]!).searchParams.get('lastEventId')).to.match(/^[\w.:-]+$/);
      const ticksBefore = feed.view.history.get('BTC')!.length;
      await waitUntil(
        () => feed.view.history.get('BTC')!.length > ticksBefore + 2,
        'ticks flow again',
        { timeout: 5_000 },
      );
      expect(feed.view.snapshots).to.equal(1, 'a resumed stream needs no snapshot');
      expect(feed.view.connection).to.equal('live');
    } finally {
      subscription.unsubscribe();
    }
  });

  it('shows the snapshot in the task it arrives, the first price without waiting for a frame', async () => {
    const relay = (await executeServerCommand('relay-url')) as string;
    const shown: number[] = [];
    let seenBySnapshot: (shownAlready: boolean) => void;
    const checked = new Promise<boolean>((resolve) => {
      seenBySnapshot = resolve;
    });
    // Listens right after the feed's own snapshot listener, in the same dispatch.
    class Checking extends EventSource {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        const add = this.addEventListener.bind(this);
        this.addEventListener = ((type: string, ...rest: [EventListener]) => {
          add(type, ...rest);
          if (type === 'snapshot')
            add(type, () => seenBySnapshot(shown.includes(1)), { once: true });
        }) as typeof this.addEventListener;
      }
    }
    const feed = new RelayFeed(`${relay}/`, { eventSource: Checking });
    const subscription = feed.watch(['ETH']).subscribe((view) => shown.push(view.snapshots));
    try {
      expect(await checked).to.equal(true, 'watchers had the snapshot already');
      expect(feed.view.quotes.get('ETH')?.price).to.be.a('number');
    } finally {
      subscription.unsubscribe();
    }
  });

  it('keeps retrying a relay that answers 503, where a bare EventSource gives up, and shows offline meanwhile', async () => {
    const relay = (await executeServerCommand('unavailable-url')) as string;
    const before = (await executeServerCommand('unavailable-hits')) as number;
    const card = await fixture<PriceCard>(
      html`<price-card symbol="BTC" relay=${relay}></price-card>`,
    );
    await waitUntil(() => card.getAttribute('state') === 'offline', 'the card says offline', {
      timeout: 5_000,
    });
    await waitUntil(
      async () => ((await executeServerCommand('unavailable-hits')) as number) - before >= 3,
      'the feed asks again, with backoff',
      { timeout: 8_000 },
    );
    expect(card.shadowRoot!.querySelector('[part="state"]')!.textContent!.trim()).to.equal(
      'Offline, reconnecting…',
    );
  });

  it('shows offline when the relay is down', async () => {
    const relay = (await executeServerCommand('down-url')) as string;
    const card = await fixture<PriceCard>(
      html`<price-card symbol="BTC" relay=${relay}></price-card>`,
    );
    await waitUntil(() => card.getAttribute('state') === 'offline', 'the card says offline', {
      timeout: 5_000,
    });
  });
});
