/**
 * What a page sets for all its elements, without defining any (`@tickwire/widgets/config.js`):
 * an app that imports only `price-card.js` sets its relay and its words from here, and stays
 * that small.
 */
export { setRelay } from './internal/default-relay.js';
export { setMessages } from './internal/messages/choose.js';
export type { Messages } from './internal/messages.js';
