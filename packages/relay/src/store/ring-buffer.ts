/** A fixed-capacity FIFO: pushing onto a full buffer drops the oldest item. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.items = new Array(capacity);
  }

  /** Appends `item`; returns the oldest item when it made room for it. */
  push(item: T): T | undefined {
    const end = (this.start + this.count) % this.capacity;
    const dropped = this.count === this.capacity ? this.items[end] : undefined;
    this.items[end] = item;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
    return dropped;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const oldest = this.items[this.start];
    this.items[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.count--;
    return oldest;
  }

  get size(): number {
    return this.count;
  }

  /** The last `n` items (all by default), oldest first. */
  last(n = this.count): T[] {
    const take = Math.min(Math.max(n, 0), this.count);
    const out: T[] = new Array(take);
    for (let i = 0; i < take; i++) {
      out[i] = this.items[(this.start + this.count - take + i) % this.capacity] as T;
    }
    return out;
  }

  /** The oldest item. */
  peekFirst(): T | undefined {
    return this.count === 0 ? undefined : this.items[this.start];
  }

  /** The newest item. */
  peekLast(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.start + this.count - 1) % this.capacity];
  }
}
