import { defaultRelay } from '../internal/default-relay.js';
import { feedFor } from './feed-registry.js';

/** Pauses the stream of `relay` (default the page's) for every element and watcher on the page. */
export function pauseQuotes(relay: string = defaultRelay()): void {
  feedFor(relay).pause();
}

/** Resumes what `pauseQuotes` paused: the relay replays what was missed, or sends a snapshot. */
export function resumeQuotes(relay: string = defaultRelay()): void {
  feedFor(relay).resume();
}
