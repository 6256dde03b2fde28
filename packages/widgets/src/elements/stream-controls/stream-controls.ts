import type { SourceStatus } from '@tickwire/protocol';
import { html, nothing, type PropertyValues } from 'lit';
import type { FeedView } from '../../feed/feed-view.js';
import { FeedElement } from '../../internal/feed-element.js';
import { formatTime } from '../../internal/format.js';
import { en } from '../../internal/messages/en.js';
import { type Messages, words } from '../../internal/messages.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { stateBadge } from '../../internal/state-badge.js';
import { streamControlsStyles } from './stream-controls.styles.js';

/** Refresh choices, seconds, besides live (as often as the relay sends). */
const REFRESH_CHOICES = [1, 2, 5, 10, 15, 30, 60];

/**
 * The refresh choices a relay polling every `intervalMs` can deliver, seconds: live (0)
 * first, then only those slower than its polls — a page cannot refresh faster than the
 * prices change, and a choice that promised it would be false.
 */
const refreshChoices = (intervalMs: number): number[] => [
  0,
  ...REFRESH_CHOICES.filter((seconds) => seconds * 1000 > intervalMs),
];

/**
 * True when every source of the page's prices streams now (`transport: 'stream'` in the
 * relay's `/v1/sources` and status events): the sources of the quotes the page has, or the
 * page's chosen source before any. Prices then come as the exchange sends them, not every
 * interval: the refresh menu says so, and offers every slower pace.
 */
function streamsOnly(view: FeedView, chosen: string | undefined): boolean {
  const inUse = new Set([...view.quotes.values()].map((quote) => quote.source));
  if (inUse.size === 0 && chosen !== undefined) inUse.add(chosen);
  if (inUse.size === 0) return false;
  const streaming = new Set(
    view.sources.filter((source) => source.transport === 'stream').map((source) => source.id),
  );
  return [...inUse].every((id) => streaming.has(id));
}

/**
 * Controls for every element of the page that reads the same relay: pause and resume,
 * how often they refresh (a throttle in the page: the relay's own poll rate is its
 * operator's), which source their prices come from when the relay has several (elements
 * with a `source` of their own keep it), the connection's state, the last update and
 * each source's health. Its own `source` attribute is the page's first choice.
 *
 * @tag stream-controls
 * @summary Stream controls: `<stream-controls>`.
 *
 * @fires tickwire-pause - The reader paused the stream.
 * @fires tickwire-resume - The reader resumed the stream.
 * @fires tickwire-refresh-change - The reader chose a refresh interval; `detail.intervalMs` (0 = live).
 * @fires tickwire-source-change - The reader chose a source; `detail.source` (undefined = any, in the relay's order).
 *
 * @csspart controls - The box around the controls.
 * @csspart toggle - The pause/resume button.
 * @csspart refresh - The refresh interval picker.
 * @csspart source - The source picker (shown when the relay has more than one).
 * @csspart state - The connection's state, in words.
 * @csspart updated - The time of the last update.
 * @csspart sources - Each source's health.
 * @cssproperty [--tickwire-bg=#ffffff] - Background (dark theme: #161b22).
 * @cssproperty [--tickwire-fg=#111827] - Text colour.
 * @cssproperty [--tickwire-muted=#556070] - Secondary text.
 * @cssproperty [--tickwire-border=#d9dde3] - Borders.
 * @cssproperty [--tickwire-up=#0a7d38] - Rising prices, healthy sources.
 * @cssproperty [--tickwire-down=#c22a2a] - Falling prices, errors.
 * @cssproperty [--tickwire-warn=#8a5a00] - Stale data, notable moves, the simulated label.
 * @cssproperty [--tickwire-accent=#1d5fd6] - Focus rings and the paused state.
 * @cssproperty [--tickwire-radius=0.75rem] - Corner radius.
 * @cssproperty [--tickwire-space=0.75rem] - Inner spacing.
 * @cssproperty [--tickwire-font=system-ui] - Font family.
 * @cssproperty [--tickwire-font-size=1rem] - Base font size.
 */
export class StreamControls extends FeedElement {
  static override styles = [sharedStyles, streamControlsStyles];

  /** Every word of this element, in its language (English in the core, the rest beside it). */
  protected override get words(): Messages {
    return words.of?.(this, en) ?? en;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // No symbols of its own: the page's stream carries what the other elements watch, or,
    // alone on a page, the relay's default set.
    this.connection.watch(this.relayUrl, []);
    const { view, problem, feed } = this.connection;
    if (changed.has('source') && this.source !== undefined)
      feed?.chooseSource(this.source.trim().toLowerCase() || undefined);
    // Stale when a price of this page is: another page's symbols are not this page's news.
    this.state = problem
      ? 'error'
      : view.connection !== 'live'
        ? view.connection
        : view.stale.size > 0
          ? 'stale'
          : 'live';
  }

  protected override render() {
    const { view, feed } = this.connection;
    const paused = feed?.paused ?? false;
    const throttleSeconds = Math.round((feed?.throttleMs ?? 0) / 1000);
    const streaming = streamsOnly(view, feed?.source);
    const { words } = this;
    return html`<div part="controls" class="controls surface" role="group" aria-label=${words.controlsLabel}>
      <button part="toggle" type="button" @click=${this.toggle} ?disabled=${!feed}>
        ${paused ? words.resume : words.pause}
      </button>
      <label part="refresh">
        ${words.refresh}
        <select @change=${this.onRefresh} ?disabled=${!feed}>
          ${refreshChoices(streaming ? 0 : view.intervalMs).map(
            (seconds) =>
              html`<option value=${seconds} ?selected=${seconds === throttleSeconds}>
                ${
                  seconds !== 0
                    ? words.every(`${seconds}`)
                    : streaming
                      ? words.liveStreaming
                      : words.liveEvery(`${Number((view.intervalMs / 1000).toFixed(2))}`)
                }
              </option>`,
          )}
        </select>
      </label>
      ${view.sources.length > 1 ? this.renderSourcePicker(view.sources, feed?.source, words) : nothing}
      ${stateBadge(this.state, words)}
      <span part="updated" class="muted">
        ${view.lastUpdate === undefined ? words.noUpdate : html`${words.updated} <time datetime=${new Date(view.lastUpdate).toISOString()}>${formatTime(view.lastUpdate, this.locale)}</time>`}
      </span>
      ${
        view.sources.length > 0
          ? html`<ul part="sources" class="sources" aria-label=${words.sourcesLabel}>
              ${view.sources.map((source) => this.renderSource(source, view.connection === 'live', words))}
            </ul>`
          : nothing
      }
    </div>`;
  }

  /** The page's choice of source: any (the relay's order), or one of them. */
  private renderSourcePicker(
    sources: readonly SourceStatus[],
    chosen: string | undefined,
    words: Messages,
  ) {
    return html`<label part="source">
      ${words.source}
      <select @change=${this.onSource}>
        <option value="" ?selected=${chosen === undefined}>${words.anySource}</option>
        ${sources.map(
          (source) =>
            html`<option value=${source.id} ?selected=${source.id === chosen}>${source.id}</option>`,
        )}
      </select>
    </label>`;
  }

  /** A source's health as last heard; unknown while the stream is not live (it may have changed). */
  private renderSource(source: SourceStatus, current: boolean, words: Messages) {
    if (!current)
      return html`<li class="source-unknown">${source.id}: ${words.sourceStates.unknown}</li>`;
    const error = source.streamError ?? source.error;
    return html`<li class="source-${source.state}" title=${error ?? ''}>
      ${source.id}: ${sourceWords(source, words)}${source.simulated ? ` (${words.simulatedSource})` : ''}${error ? html`<span class="muted">${` — ${error}`}</span>` : nothing}
    </li>`;
  }

  private toggle(): void {
    const { feed } = this.connection;
    if (!feed) return;
    if (feed.paused) {
      feed.resume();
      this.dispatchEvent(new CustomEvent('tickwire-resume', { bubbles: true, composed: true }));
    } else {
      feed.pause();
      this.dispatchEvent(new CustomEvent('tickwire-pause', { bubbles: true, composed: true }));
    }
    this.requestUpdate();
  }

  private onRefresh(event: Event): void {
    const intervalMs = Number((event.target as HTMLSelectElement).value) * 1000;
    this.connection.feed?.setThrottle(intervalMs);
    this.dispatchEvent(
      new CustomEvent('tickwire-refresh-change', {
        detail: { intervalMs },
        bubbles: true,
        composed: true,
      }),
    );
    this.requestUpdate();
  }

  private onSource(event: Event): void {
    const source = (event.target as HTMLSelectElement).value || undefined;
    this.connection.feed?.chooseSource(source);
    this.dispatchEvent(
      new CustomEvent('tickwire-source-change', {
        detail: { source },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

/**
 * A source's state in words: its health, and for a streaming source how its prices come —
 * `streaming` when healthy, `polling, stream reconnecting` while its stream is down (the
 * health joins them when it is not ok).
 */
function sourceWords(source: SourceStatus, words: Messages): string {
  const health = words.sourceStates[source.state] ?? source.state;
  const transport =
    source.transport === 'stream'
      ? words.sourceTransports.stream
      : source.transport === 'poll' && source.streamError !== undefined
        ? words.sourceTransports.poll
        : undefined;
  if (transport === undefined) return health;
  return source.state === 'ok' ? transport : `${health}, ${transport}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'stream-controls': StreamControls;
  }
  /** The controls' events, typed for `addEventListener` anywhere they bubble to. */
  interface GlobalEventHandlersEventMap {
    'tickwire-pause': CustomEvent<undefined>;
    'tickwire-resume': CustomEvent<undefined>;
    'tickwire-refresh-change': CustomEvent<{ intervalMs: number }>;
    'tickwire-source-change': CustomEvent<{ source: string | undefined }>;
  }
}
