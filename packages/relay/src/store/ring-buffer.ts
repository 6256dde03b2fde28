/** A fixed-capacity FIFO: pushing onto a full buffer drops the oldest item. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.items = new Array(capacity);
  }

  push(item: T): void {
    const end = (this.start + this.count) % this.capacity;
    this.items[end] = item;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
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

  /** The newest item. */
  peekLast(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.start + this.count - 1) % this.capacity];
  }
}
