import type { StreamMessage } from '@tickwire/protocol';
import { ignoreElements, type Observable, tap } from 'rxjs';
import { BaseFeed } from './feed.js';
import type { ConnectionState } from './feed-view.js';

/**
 * A feed driven by code instead of a relay, for tests and Storybook: it folds the messages
 * it is given exactly as a relay's would be folded.
 */
export class ScriptedFeed extends BaseFeed {
  protected readonly connection$: Observable<never> = this.paused$.pipe(
    tap((paused) => {
      if (paused) this.setConnection('paused');
      else if (this.view.connection === 'paused')
        this.setConnection(this.view.snapshots > 0 ? 'live' : 'connecting');
    }),
    ignoreElements(),
  );

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
