import { register } from 'node:module';

/** The relay's heavy dependencies: a command that only prints must not load them. */
const DENIED = ['express', 'ccxt', 'ioredis', 'compression'];

/**
 * Preloaded (`--import`) by a test: any import of `DENIED` fails, so a command that still
 * works did not load them.
 */
register(
  `data:text/javascript,${encodeURIComponent(`
const denied = new Set(${JSON.stringify(DENIED)});
export async function resolve(specifier, context, next) {
  if (denied.has(specifier)) throw new Error('imported ' + specifier);
  return next(specifier, context);
}`)}`,
);
