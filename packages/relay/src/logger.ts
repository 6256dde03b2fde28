import { type Logger, type LoggerOptions, pino } from 'pino';

/**
 * Log bytes held in memory while stdout does not take them (a stalled pipe, a log shipper
 * that stopped reading); past it lines are dropped, counted and reported once stdout moves.
 */
export const LOG_BUFFER_BYTES = 1024 * 1024;

export interface LogDestinationOptions {
  /** File descriptor to write to; stdout by default. */
  fd?: number;
  maxBufferedBytes?: number;
}

/**
 * The relay's pino logger, writing asynchronously to stdout with a bounded buffer. pino's
 * default destination is asynchronous too, but unbounded: a stdout pipe nobody reads (a
 * stalled log shipper) keeps every line in memory, for as long as the stall lasts, at the
 * rate of every refused request. Here a stalled stdout costs at most `maxBufferedBytes` and
 * the lines past them, never the event loop; the count of lost lines is logged when it moves.
 */
export function createLogger(
  options: LoggerOptions,
  { fd = 1, maxBufferedBytes = LOG_BUFFER_BYTES }: LogDestinationOptions = {},
): Logger {
  const destination = pino.destination({ dest: fd, sync: false, maxLength: maxBufferedBytes });
  let dropped = 0;
  destination.on('drop', () => {
    dropped++;
  });
  const log = pino(options, destination);
  // Said on the first write after the stall, when there is room again.
  destination.on('write', () => {
    if (dropped === 0) return;
    const lines = dropped;
    dropped = 0;
    log.warn({ droppedLines: lines }, `${lines} log lines dropped while stdout did not take them`);
  });
  return log;
}
