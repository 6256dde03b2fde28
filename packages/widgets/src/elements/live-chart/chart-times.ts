import { CANDLE_RANGES } from '@tickwire/protocol';
import { TickMarkType, type UTCTimestamp } from 'lightweight-charts';
import type { ChartRange } from './candle-history.js';

/**
 * The chart's times, in the reader's wall-clock time: the library lays ticks out on UTC
 * boundaries, so every time is shifted by the page's current UTC offset (one offset for all,
 * keeping buckets evenly spaced across a DST change), and its formats read shifted times in UTC.
 */
export class ChartTimes {
  private readonly formats: ReturnType<typeof timeFormats>;

  constructor(
    locale: string | undefined,
    /** The shift, seconds: the page's UTC offset when the chart was built. */
    readonly offsetSec = -new Date().getTimezoneOffset() * 60,
  ) {
    this.formats = timeFormats(locale);
  }

  /**
   * `ms` as the library places it: seconds, with a fraction for the tick chart's updates (the
   * library's `UTCTimestamp` is a number of seconds, `Date.now() / 1000` in its own docs; each
   * distinct time is a point of its own, spaced evenly, so updates in one second stay apart).
   */
  toChart(ms: number): UTCTimestamp {
    return (ms / 1000 + this.offsetSec) as UTCTimestamp;
  }

  /** A time the library gives back, in ms (rounded: a fraction of a second is not exact in binary). */
  fromChart(time: number): number {
    return Math.round((time - this.offsetSec) * 1000);
  }

  /**
   * A tick's label from its kind: the year at a year's first tick, the month at a month's,
   * day and month at a day's, else the time of day (with seconds when the tick is not on a
   * whole minute, so no two ticks read alike).
   */
  tickLabel(time: number, type: TickMarkType): string {
    const ms = time * 1000;
    switch (type) {
      case TickMarkType.Year:
        return this.formats.year.format(ms);
      case TickMarkType.Month:
        return this.formats.month.format(ms);
      case TickMarkType.DayOfMonth:
        return this.formats.day.format(ms);
      default:
        return (Math.floor(time) % 60 === 0 ? this.formats.minute : this.formats.second).format(ms);
    }
  }

  /**
   * The widest labels the tick chart's axis may draw (two-digit hours, minutes and seconds,
   * morning and evening), to leave room for.
   */
  widestTickLabels(): string[] {
    return [10, 22].map((hour) => this.formats.second.format(Date.UTC(2026, 0, 1, hour, 58, 58)));
  }

  /**
   * The crosshair's time: what a bucket of `range` means (a day, an hour, a moment: to a tenth
   * of a second in the tick chart, where a second holds several updates).
   */
  crosshairTime(time: number, range: ChartRange): string {
    const format =
      range === 'live'
        ? this.formats.tick
        : CANDLE_RANGES[range].resolution >= 86_400
          ? this.formats.date
          : this.formats.dateTime;
    return format.format(time * 1000);
  }
}

/** Formats of the chart's times; they read shifted times, so they format in UTC. */
function timeFormats(locale: string | undefined) {
  const make = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    } catch {
      return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    }
  };
  return {
    year: make({ year: 'numeric' }),
    month: make({ month: 'short' }),
    day: make({ day: 'numeric', month: 'short' }),
    minute: make({ hour: 'numeric', minute: '2-digit' }),
    second: make({ hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    tick: make({
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 1,
    }),
    date: make({ dateStyle: 'medium' }),
    dateTime: make({ day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }),
  };
}
