import { expect } from '@open-wc/testing';
import { elementSymbols, symbolLabel } from './symbols.js';

describe('symbols as elements read them', () => {
  it('gives each symbol the element’s currency and source where it names none', () => {
    expect(
      elementSymbols(' btc, eth/btc, sol@Kraken ', { currency: 'eur', source: 'Binance' }),
    ).to.deep.equal({
      symbols: ['BTC/EUR@binance', 'ETH/BTC@binance', 'SOL/EUR@kraken'],
      malformed: [],
    });
    expect(elementSymbols('BTC,ETH')).to.deep.equal({ symbols: ['BTC', 'ETH'], malformed: [] });
    expect(elementSymbols('BTC, btc/usd', { currency: 'USD' }).symbols).to.deep.equal(['BTC/USD']);
  });

  it('a currency or source no relay could name makes the element’s symbols malformed, not its page’s stream', () => {
    expect(elementSymbols('BTC', { currency: 'euro dollars' })).to.deep.equal({
      symbols: [],
      malformed: ['BTC/EURO DOLLARS'],
    });
    expect(elementSymbols('BTC,ETH/BTC', { source: 'my exchange' }).malformed).to.deep.equal([
      'BTC@my exchange',
      'ETH/BTC@my exchange',
    ]);
  });

  it('labels leave out the source and the currency the price already says', () => {
    expect(symbolLabel('BTC/EUR@kraken', 'EUR')).to.equal('BTC');
    expect(symbolLabel('ETH/BTC', 'USD')).to.equal('ETH/BTC');
    expect(symbolLabel('BTC', 'USD')).to.equal('BTC');
    expect(symbolLabel('BTC/USD', 'USD')).to.equal('BTC');
  });
});
