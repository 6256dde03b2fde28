import { expect } from '@open-wc/testing';
import { config } from 'rxjs';
import { Latest } from './latest.js';

describe('a feed value (Latest)', () => {
  it('gives a follower the value at once, then every change, until it leaves', () => {
    const latest = new Latest('connecting');
    const heard: string[] = [];
    const following = latest.changes.subscribe((value) => heard.push(value));
    latest.next('live');
    following.unsubscribe();
    latest.next('offline');
    expect(heard).to.deep.equal(['connecting', 'live']);
    expect(latest.value).to.equal('offline');
  });

  it('still tells the other followers when one of them throws, and reports the error', async () => {
    const reported: unknown[] = [];
    const { onUnhandledError } = config;
    config.onUnhandledError = (error) => reported.push(error);
    try {
      const latest = new Latest(0);
      const heard: number[] = [];
      latest.changes.subscribe((value) => {
        if (value === 1) throw new Error('a broken element');
      });
      latest.changes.subscribe((value) => heard.push(value));
      latest.next(1);
      latest.next(2);
      expect(heard).to.deep.equal([0, 1, 2]);
      // RxJS reports a follower's error on a later task, as an uncaught error would be.
      await new Promise((resolve) => setTimeout(resolve));
      expect(reported.map(String)).to.deep.equal(['Error: a broken element']);
    } finally {
      config.onUnhandledError = onUnhandledError;
    }
  });

  it('tells a follower who joins while a change is told the new value once', () => {
    const latest = new Latest('a');
    const late: string[] = [];
    latest.changes.subscribe((value) => {
      if (value === 'b') latest.changes.subscribe((seen) => late.push(seen));
    });
    latest.next('b');
    expect(late).to.deep.equal(['b']);
  });
});
