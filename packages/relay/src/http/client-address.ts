import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { RelayConfig } from '../config.js';

/** Tells a request's client address: the peer's, or what trusted proxies say it is. */
export type ClientAddress = (req: IncomingMessage) => string;

/**
 * Whom to believe about the client (`TRUST_PROXY`, docs/operating.md, "Configuration"): with no proxy
 * configured, the peer is the client and `X-Forwarded-For` is ignored (anyone can send one).
 * Behind trusted proxies, the address is the first one, walking `X-Forwarded-For` from the
 * peer outwards, that no trusted proxy sent — Express's `trust proxy` rule, through the same
 * proxy-addr, so `req.ip`, `req.protocol` and `req.host` in the Express routes agree with it.
 */
export function trustFor(
  trusted: RelayConfig['TRUST_PROXY'],
): (address: string, hop: number) => boolean {
  if (trusted === undefined) return () => false;
  if (typeof trusted === 'number') return (_address, hop) => hop < trusted;
  return proxyaddr.compile(trusted);
}

/** The `ClientAddress` of a relay that trusts `trusted`. */
export function clientAddress(trusted: RelayConfig['TRUST_PROXY']): ClientAddress {
  if (trusted === undefined) return (req) => req.socket.remoteAddress ?? 'unknown';
  const trust = trustFor(trusted);
  return (req) => proxyaddr(req, trust) ?? 'unknown';
}
