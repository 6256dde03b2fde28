import { type Logger, pino } from 'pino';

/**
 * Log output held in memory while stdout cannot take it (a stalled pipe, a log collector that
 * stopped reading): past this, new lines are dropped and counted
 * (`tickwire_log_lines_dropped_total`), never held without limit (~250 B a refused request).
 */
const MAX_HELD_LOG_BYTES = 2 ** 20;

let dropped = 0;

/** Log lines dropped so far in this process because stdout was not taking them. */
export const droppedLogLines = (): number => dropped;

/** The relay's log: pino JSON lines on stdout, written without blocking, held within a bound. */
export function stdoutLog(level: string): Logger {
  const destination = pino.destination({ dest: 1, sync: false, maxLength: MAX_HELD_LOG_BYTES });
  destination.on('drop', () => {
    dropped++;
  });
  return pino({ level, base: { service: 'tickwire-relay' } }, destination);
}
