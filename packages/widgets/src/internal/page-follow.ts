import type { ReactiveElement } from 'lit';
import { choose } from './messages/choose.js';
import { type Follower, follow as followScheme } from './page-scheme.js';

/**
 * What an element takes from the page it is on: its colour scheme (for `theme="auto"` and
 * `transparent`) and its language. One chunk, loaded with the first element.
 */
export function follow(element: Follower & ReactiveElement): void {
  followScheme(element);
  if (element.isConnected) void choose(element);
}
