import type {
  AssetsAnswer,
  CandleRange,
  CandlesAnswer,
  StreamMessage,
  SymbolsAnswer,
} from '@tickwire/protocol';
import { filter, firstValueFrom, map } from 'rxjs';
import { BaseFeed } from './feed.js';
import type { ConnectionState } from './feed-view.js';
import { sampleCandles } from './sample-quotes.js';

/**
 * A feed driven by code instead of a relay, for tests and Storybook: it folds the messages
 * it is given exactly as a relay's would be folded.
 */
export class ScriptedFeed extends BaseFeed {
  protected connect(): () => void {
    const pauses = this.paused$.changes.subscribe((paused) => {
      if (paused) this.setConnection('paused');
      else if (this.view.connection === 'paused')
        this.setConnection(this.view.snapshots > 0 ? 'live' : 'connecting');
    });
    return () => pauses.unsubscribe();
  }

  /**
   * What `/v1/candles` would answer, for charts over a range: by default a seeded walk to
   * each symbol's latest price; tests replace it (a slow answer, an error).
   */
  candles = async (symbol: string, range: CandleRange): Promise<CandlesAnswer> => {
    // A relay answers as soon as it is asked; this market can once its first price is in.
    const quote = await firstValueFrom(
      this.view$.changes.pipe(
        map((view) => view.quotes.get(symbol)),
        filter((found) => found !== undefined),
      ),
    );
    return {
      symbol,
      range,
      ...sampleCandles(quote.price, range),
      currency: quote.currency,
      source: quote.source,
      simulated: quote.source === 'demo',
    };
  };

  /**
   * What `/v1/symbols` would answer, for suggestions when a symbol is unknown: by default
   * the symbols this market has priced; tests replace it.
   */
  symbols = async (): Promise<SymbolsAnswer> => {
    const { currency, quotes } = this.view;
    return { currency, currencies: [currency], symbols: [...quotes.keys()], defaults: [] };
  };

  /**
   * What `/v1/assets` would answer (names, logos, market figures): by default nothing, as a
   * relay without a facts source answers; tests and stories replace it.
   */
  assets = async (_query: {
    assets?: readonly string[];
    top?: number;
    currency: string;
  }): Promise<AssetsAnswer | null> => null;

  /** Delivers one message as if the relay had sent it; ignored while paused, as a closed stream would. */
  send(message: StreamMessage): void {
    if (!this.paused) this.apply(message);
  }

  /** Forces the connection state: `offline`, `paused`, ... */
  setState(state: ConnectionState): void {
    this.setConnection(state);
  }

  /** The symbols some element watches now. */
  get watchedSymbols(): readonly string[] {
    return this.watched$.value;
  }
}
