import { expect } from '@open-wc/testing';
import { FakeClock } from '../feed/fake-clock.js';
import { en } from './messages/en.js';
import { PageAnnouncer } from './page-announcer.js';

/** What the announcer made of the page's live region, on a clock the test moves. */
function announcerOnFakeTime() {
  const clock = new FakeClock();
  const before = new Set(document.querySelectorAll('[data-tickwire-announcer]'));
  const announcer = new PageAnnouncer(clock);
  const said = () =>
    [...document.querySelectorAll('[data-tickwire-announcer]')].find(
      (region) => !before.has(region),
    )?.textContent ?? '';
  return { clock, announcer, said };
}

describe('the page announcer', () => {
  afterEach(() => {
    for (const region of document.querySelectorAll('[data-tickwire-announcer]')) region.remove();
  });

  it('speaks a new speaker a second after it comes, then at most once per interval', () => {
    const { clock, announcer, said } = announcerOnFakeTime();
    let price = '$67,000.00';
    announcer.speak({}, 5_000, () => `BTC ${price}`);
    clock.tick(999);
    expect(said()).to.equal('', 'not before the second is out');
    clock.tick(1);
    expect(said()).to.equal('BTC $67,000.00');
    price = '$67,100.00';
    clock.tick(4_999);
    expect(said()).to.equal('BTC $67,000.00', 'an interval not yet passed');
    clock.tick(1);
    expect(said()).to.equal('BTC $67,100.00', 'the price at the moment it speaks');
  });

  it('says at once that the stream went offline, and once that it is back', () => {
    const { clock, announcer, said } = announcerOnFakeTime();
    const teller = document.createElement('div');
    announcer.connectionIs('live', teller);
    expect(said()).to.equal('', 'being live at first is not news');
    announcer.connectionIs('offline', teller);
    expect(said()).to.equal(en.spokenOffline);
    announcer.connectionIs('live', teller);
    expect(said()).to.equal(en.spokenLiveAgain);
    clock.tick(60_000);
    expect(said()).to.equal(en.spokenLiveAgain, 'and nothing more with nobody speaking');
  });
});
