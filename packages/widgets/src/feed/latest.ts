import { Observable, type Subscriber } from 'rxjs';

/**
 * A value that changes, and whoever follows it: the part of RxJS's `BehaviorSubject` the
 * feed uses. `BehaviorSubject` brings `Subject`'s machinery (errors, completion, closing,
 * `asObservable`) that no feed needs into the card path (what it weighed: docs/benchmarks.md).
 * Followers are still RxJS `Subscriber`s, so one whose handler throws is reported and the
 * others still hear.
 */
export class Latest<T> {
  private readonly followers = new Set<Subscriber<T>>();

  /** The value now, then every later one, until unsubscribed. */
  readonly changes = new Observable<T>((follower) => {
    this.followers.add(follower);
    follower.next(this.value);
    return () => this.followers.delete(follower);
  });

  constructor(public value: T) {}

  /** Makes `value` the value now and tells every follower, in the order they came. */
  next(value: T): void {
    this.value = value;
    // A copy: a follower may leave, or another come, while it is told.
    for (const follower of [...this.followers]) follower.next(value);
  }
}
