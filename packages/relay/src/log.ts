import { type Logger, pino } from 'pino';

/**
 * Log output held in memory while stdout cannot take it (a stalled pipe, a log collector that
 * stopped reading): past this, new lines are dropped, counted
 * (`tickwire_log_lines_dropped_total`) and reported once stdout moves — never held without
 * limit (pino's own default holds every line, ~250 B a refused request, for the whole stall).
 */
const MAX_HELD_LOG_BYTES = 2 ** 20;

let dropped = 0;

/** Log lines dropped so far in this process because stdout was not taking them. */
export const droppedLogLines = (): number => dropped;

/** The relay's log: pino JSON lines on stdout, written without blocking, held within a bound. */
export function stdoutLog(level: string): Logger {
  const destination = pino.destination({ dest: 1, sync: false, maxLength: MAX_HELD_LOG_BYTES });
  let unreported = 0;
  destination.on('drop', () => {
    dropped++;
    unreported++;
  });
  const log = pino({ level, base: { service: 'tickwire-relay' } }, destination);
  // Said on the first write after the stall, when there is room again.
  destination.on('write', () => {
    if (unreported === 0) return;
    const lines = unreported;
    unreported = 0;
    log.warn({ droppedLines: lines }, `${lines} log lines dropped while stdout did not take them`);
  });
  return log;
}
