import { NEVER, type Observable } from 'rxjs';
import { BaseFeed } from './feed.js';
import type { ConnectionState } from './feed-view.js';
import type { StreamMessage } from './protocol.js';

/**
 * A feed driven by code instead of a relay, for tests and Storybook: it folds the messages
 * it is given exactly as a relay's would be folded.
 */
export class ScriptedFeed extends BaseFeed {
  protected readonly connection$: Observable<never> = NEVER;

  /** Delivers one message as if the relay had sent it. */
  send(message: StreamMessage): void {
    this.apply(message);
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
