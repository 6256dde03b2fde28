import { type Clock, pageClock } from '../feed/clock.js';
import type { Feed } from '../feed/feed.js';
import { direction, formatPercent } from './format.js';
import { en } from './messages/en.js';
import { words as chosen } from './messages.js';

/** What one element would say now: "BTC $67,325.46, up 1.10% in 24 hours". */
type Describe = () => string | undefined;

/** Phrases in one sentence at most; a grid of a hundred cards is not read out in full. */
const MAX_PHRASES = 6;

/**
 * A relay's one voice on the page for screen readers: a polite live region at the end of
 * `<body>`, outside every element's reading order, so each element's visible text is its
 * only text. Elements tell it what they would say; it speaks at most once per interval, one
 * sentence for all of them, composed at the moment it speaks, and says once, at once, when
 * the stream goes offline and when it is back.
 */
export class PageAnnouncer {
  private readonly speakers = new Map<object, { everyMs: number; describe: Describe }>();
  /** The element that told the state last: the page's sentences are in its language. */
  private teller: HTMLElement | undefined;
  private region: HTMLElement | undefined;
  private cancelTick: (() => void) | undefined;
  private lastAt = Number.NEGATIVE_INFINITY;
  private said = '';
  private connection = '';

  constructor(private readonly clock: Clock = pageClock) {}

  /** `owner` says what `describe` gives, at most every `everyMs`; a new owner or symbol is heard within a second. */
  speak(owner: object, everyMs: number, describe: Describe): void {
    this.speakers.set(owner, { everyMs, describe });
    this.lastAt = Number.NEGATIVE_INFINITY;
    this.cancelTick?.();
    this.cancelTick = this.clock.after(1_000, () => this.tick());
  }

  forget(owner: object): void {
    this.speakers.delete(owner);
  }

  /**
   * The stream's state, as `teller` sees it, said in its language: going offline and coming
   * back are said once.
   */
  connectionIs(state: string, teller: HTMLElement): void {
    this.teller = teller;
    if (state === this.connection) return;
    const was = this.connection;
    this.connection = state;
    const words = wordsOf(teller);
    if (state === 'offline') this.say(words.spokenOffline);
    else if (state === 'live' && was === 'offline') this.say(words.spokenLiveAgain);
  }

  private tick(): void {
    this.cancelTick = undefined;
    const speakers = [...this.speakers.values()];
    if (speakers.length === 0) return;
    const everyMs = Math.min(...speakers.map((speaker) => speaker.everyMs));
    const wait = this.lastAt + everyMs - this.clock.now();
    if (wait <= 0) {
      const phrases = speakers.flatMap((speaker) => speaker.describe() ?? []);
      const more = phrases.length - MAX_PHRASES;
      const rest = more > 0 && this.teller ? [wordsOf(this.teller).spokenMore(more)] : [];
      const sentence = [...phrases.slice(0, MAX_PHRASES), ...rest].join('; ');
      if (sentence && sentence !== this.said) this.say(sentence);
    }
    this.cancelTick = this.clock.after(Math.max(wait, everyMs), () => this.tick());
  }

  private say(text: string): void {
    if (!this.region) {
      // Visually hidden through the CSSOM, which a strict CSP allows (a style attribute it does not).
      const region = document.createElement('div');
      region.setAttribute('aria-live', 'polite');
      region.dataset.tickwireAnnouncer = '';
      Object.assign(region.style, {
        position: 'absolute',
        width: '1px',
        height: '1px',
        overflow: 'hidden',
        clipPath: 'inset(50%)',
        whiteSpace: 'nowrap',
      });
      document.body.append(region);
      this.region = region;
    }
    this.region.textContent = text;
    this.said = text;
    this.lastAt = this.clock.now();
  }
}

const announcers = new WeakMap<Feed, PageAnnouncer>();

/** What `speaker` says, in its language. */
const wordsOf = (speaker: HTMLElement) => chosen.of?.(speaker, en) ?? en;

/** The feed each card speaks through, while it does. */
const speakingTo = new WeakMap<HTMLElement, Feed>();

/**
 * What a card tells its page's announcer on each update: what it says (its price now, when
 * it speaks, at most every `everyMs`; a new symbol, `anew`, is heard anew) and the stream's
 * `state`. No `feed` (a card gone from the page) or `everyMs` 0 keeps it silent.
 */
export function cardSpeaks(
  card: HTMLElement,
  feed: Feed | undefined,
  everyMs: number,
  state: string,
  anew: boolean,
  describe: Describe,
): void {
  const was = speakingTo.get(card);
  if (was && (was !== feed || everyMs <= 0)) {
    announcerFor(was).forget(card);
    speakingTo.delete(card);
  }
  if (feed && everyMs > 0 && (anew || !speakingTo.has(card))) {
    announcerFor(feed).speak(card, everyMs, describe);
    speakingTo.set(card, feed);
  }
  const now = speakingTo.get(card);
  if (now) announcerFor(now).connectionIs(state, card);
}

/** The page's announcer for `feed`'s relay. */
export function announcerFor(feed: Feed): PageAnnouncer {
  let announcer = announcers.get(feed);
  if (!announcer) {
    announcer = new PageAnnouncer();
    announcers.set(feed, announcer);
  }
  return announcer;
}

/**
 * What a screen reader hears of one price, now and then, in `speaker`'s language:
 * "BTC $67,123.45, up 1.70% in 24 hours".
 */
export function describePrice(
  label: string,
  price: string,
  changePct24h: number | null,
  locale: string | undefined,
  speaker: HTMLElement,
): string {
  const words = wordsOf(speaker);
  if (changePct24h === null) return `${label} ${price}`;
  const trend = direction(changePct24h);
  const size = formatPercent(Math.abs(changePct24h), locale).replace(/^\+/, '');
  return words.spokenPrice(
    label,
    price,
    trend === 'flat' ? words.flat : words.spokenMove(trend, size),
  );
}
