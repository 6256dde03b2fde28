import { expect } from '@open-wc/testing';
import { formatChange, formatPercent, formatPrice } from './format.js';

describe('formatting', () => {
  it('keeps a price’s decimals from update to update: chosen by magnitude, every digit shown', () => {
    const ada = [0.45, 0.4498, 0.4501, 0.44, 0.4]
      .map((price) => formatPrice(price, 'USD', 'en-US'))
      .map((text) => text.split('.')[1]!.length);
    expect(ada).to.deep.equal([4, 4, 4, 4, 4]);
    expect(formatPrice(0.00002331, 'USD', 'en-US')).to.equal('$0.00002331');
    expect(formatPrice(0.0000233, 'USD', 'en-US')).to.equal('$0.00002330');
    expect(formatPrice(67_250, 'USD', 'en-US')).to.equal('$67,250.00');
    expect(formatPrice(1.02, 'USDT', 'en-US')).to.equal('1.02 USDT');
  });

  it('writes a change in the digits of the price it moved, not its own size', () => {
    expect(formatChange(-0.0466, 0.4498, 'en-US')).to.equal('−0.0466');
    expect(formatChange(-0.047, 0.4498, 'en-US')).to.equal('−0.0470');
    expect(formatChange(1_123.35, 67_250, 'en-US')).to.equal('+1,123.35');
    expect(formatChange(null, 1, 'en-US')).to.equal('—');
  });

  it('writes a true minus sign, in any locale', () => {
    expect(formatPercent(-2.4, 'en-US')).to.equal('−2.40%');
    expect(formatPrice(-5, 'USD', 'en-US')).to.equal('−$5.00');
    expect(formatPercent(-2.4, 'de-DE')).to.match(/^−2,40\s%$/);
    expect(formatPercent(0, 'en-US')).to.equal('0.00%');
  });

  it('writes each currency as its readers do: signs, minor units, bitcoin and sats', () => {
    expect(formatPrice(62_000, 'EUR', 'en-US')).to.equal('€62,000.00');
    expect(formatPrice(62_000, 'EUR', 'de-DE')).to.match(/^62\.000,00\s€$/);
    expect(formatPrice(52_000, 'GBP', 'en-GB')).to.equal('£52,000.00');
    expect(formatPrice(10_123_456, 'JPY', 'ja-JP')).to.match(/^[¥￥]10,123,456$/);
    expect(formatPrice(0.05234, 'BTC', 'en-US')).to.equal('0.05234 BTC');
    expect(formatPrice(1.5, 'BTC', 'en-US')).to.equal('1.50 BTC');
    expect(formatPrice(0.00001234, 'BTC', 'en-US')).to.equal('1,234 sats');
    expect(formatPrice(0.052, 'ETH', 'en-US')).to.equal('0.05200 ETH');
    expect(formatChange(0.00000012, 0.00001234, 'en-US', 'BTC')).to.equal('+12');
    expect(formatChange(-123_456, 10_123_456, 'en-US', 'JPY')).to.equal('−123,456');
  });
});
