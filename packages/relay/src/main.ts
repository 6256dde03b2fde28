#!/usr/bin/env node
// Only Node's own modules here: `--version` and `--help` answer at once, and the relay
// (Express, ccxt, Redis: a second and ~90 MB) is imported once the arguments ask for it.
import { readFileSync } from 'node:fs';
import type { RelayConfig } from './config.js';

/** Descriptors kept for what is not a stream: health checks, API readers, Redis, logs. */
const SPARE_FILES = 200;

/** This process's soft limit of open files (Linux), if it can be read. */
function openFileLimit(): number | undefined {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const soft = limits.match(/^Max open files\s+(\d+)/m)?.[1];
    return soft === undefined ? undefined : Number(soft);
  } catch {
    return undefined;
  }
}

/** Shutdown in order takes ~7 s at most (2 s drain, 5 s to close); past this it is cut short. */
const SHUTDOWN_DEADLINE_MS = 9_000;

const USAGE = `Usage: tickwire-relay [--help | --version]

Polls crypto price sources once for everybody and streams the quotes over Server-Sent Events,
with a demo page at / and the widgets at /widgets.js. Configured by environment variables:
`;

/** The only place that reads the environment and argv; starts the relay, stops it on a signal. */
async function main(args: readonly string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n${await describeKeys()}\n`);
    return;
  }
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  if (args.length > 0) fail(2, `unknown argument ${args[0]}; see tickwire-relay --help`);

  const [{ ConfigError, loadConfig, misspelledKeys }, { stdoutLog }, { startRelay }] =
    await Promise.all([import('./config.js'), import('./log.js'), import('./relay.js')]);
  let config: RelayConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(2, `bad configuration: ${error.message}`);
    throw error;
  }
  const log = stdoutLog(config.LOG_LEVEL);
  // A misspelled key leaves its default in force without a word otherwise.
  for (const { key, likely } of misspelledKeys(process.env)) {
    log.warn(
      { key, likely },
      `${key} is not a setting of the relay and is ignored${likely ? `; did you mean ${likely}?` : ''}`,
    );
  }
  const relay = await startRelay({ config, log }).catch((error: unknown) => {
    if (error instanceof ConfigError) fail(2, `bad configuration: ${error.message}`);
    throw error;
  });
  log.info(
    { url: relay.url, sources: config.SOURCES, symbols: config.SYMBOLS },
    `Tickwire relay on ${relay.url}`,
  );
  const files = openFileLimit();
  if (files !== undefined && config.MAX_CLIENTS + SPARE_FILES > files) {
    // Past the limit new connections are reset, health checks included (docs/benchmarks.md, "Most streams one relay serves").
    log.warn(
      { maxClients: config.MAX_CLIENTS, openFileLimit: files },
      `MAX_CLIENTS=${config.MAX_CLIENTS} is more streams than the open-file limit (${files}) leaves room for; raise it (ulimit -n) or lower MAX_CLIENTS`,
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    // A second signal (SIGTERM, then SIGHUP as the terminal closes) must not stop twice.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // Whatever an upstream, Redis or a client does, the process is gone within this.
    setTimeout(() => {
      log.error({ signal }, `shutdown took over ${SHUTDOWN_DEADLINE_MS} ms; exiting now`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    relay.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // SIGHUP too: a closed terminal or a supervisor's hangup would otherwise kill the relay
  // outright, streams cut and the poll lease kept. There is nothing to reload.
  // Once each: the same signal again (a second Ctrl-C) ends the process at once.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, shutdown);
}

/** Every key with its default and meaning, as `--help` shows them. */
async function describeKeys(): Promise<string> {
  const { CONFIG_KEYS, SOURCE_URL_DOC, SOURCE_WS_URL_DOC } = await import('./config.js');
  const rows = Object.entries(CONFIG_KEYS).map(
    ([name, spec]) => `  ${name.padEnd(24)}${spec.defaultValue ?? '(unset)'}\n      ${spec.doc}`,
  );
  rows.push(`  ${'SOURCE_URL_<ID>'.padEnd(24)}(unset)\n      ${SOURCE_URL_DOC}`);
  rows.push(`  ${'SOURCE_WS_URL_<ID>'.padEnd(24)}(unset)\n      ${SOURCE_WS_URL_DOC}`);
  return rows.join('\n');
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

/** One line on stderr and the exit code: never a stack trace to a user. */
function fail(code: number, message: string): never {
  process.stderr.write(`tickwire: ${message}\n`);
  process.exit(code);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  fail(1, `could not start: ${error instanceof Error ? error.message : String(error)}`);
});
