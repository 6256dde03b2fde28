/**
 * For your own tests and stories (`@tickwire/widgets/testing.js`), never your pages: a
 * scripted relay that elements on the page read instead of a real one. Send it the messages
 * a relay would (`feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000)]) })`)
 * and look at what the elements show (`partText(card, 'price')`).
 */

export { sampleAssets } from './feed/sample-facts.js';
export { sampleCandles, sampleHistory, sampleQuote, sampleSnapshot } from './feed/sample-quotes.js';
export { ScriptedFeed } from './feed/scripted-feed.js';
export { partText, scriptedRelay, viewOf } from './feed/testing.js';
