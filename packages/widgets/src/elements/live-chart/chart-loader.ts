import { backoffMs } from '@tickwire/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CHART_BACKOFF } from './candles-controller.js';
import type { ChartRenderer } from './chart-renderer.js';

/**
 * Charts are built one per animation frame: a page's charts all load the library at once, and
 * building them in one task is a long task (docs/benchmarks.md); one at a time, none is.
 */
let chartFrames: Promise<unknown> = Promise.resolve();
const nextChartFrame = () =>
  (chartFrames = chartFrames.then(() => new Promise((resolve) => requestAnimationFrame(resolve))));

/**
 * The chart's drawing code for one element: loaded the first time it draws (the renderer and
 * the chart library are a chunk of their own), built in a frame of its own, tried again after
 * the chart's backoff when it fails, and given back (canvas, observer, timers) when the host
 * leaves the page.
 */
export class ChartLoader implements ReactiveController {
  /** The renderer, once built. */
  renderer: ChartRenderer | undefined;
  /** Loads failed in a row; while a retry is waited out, none starts. */
  #failures = 0;
  private loading = false;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    /** Builds the host's renderer with the class loaded; `undefined` when it has nowhere to draw. */
    private readonly build: (Renderer: typeof ChartRenderer) => ChartRenderer | undefined,
  ) {
    host.addController(this);
  }

  /** True from a failed load until one succeeds: the host says the chart could not be loaded. */
  get failed(): boolean {
    return this.#failures > 0;
  }

  /** Loads and builds the renderer, unless it is built, under way, or waiting to be tried again. */
  load(): void {
    if (this.renderer || this.loading || this.retry !== undefined) return;
    void this.loadNow();
  }

  hostDisconnected(): void {
    this.renderer?.dispose();
    this.renderer = undefined;
    clearTimeout(this.retry);
    this.retry = undefined;
  }

  private async loadNow(): Promise<void> {
    this.loading = true;
    try {
      const { ChartRenderer } = await import('./chart-renderer.js');
      await nextChartFrame();
      if (!this.host.isConnected || this.renderer) return;
      this.renderer = this.build(ChartRenderer);
      if (!this.renderer) return;
      this.#failures = 0;
      // Drawn in an update of its own, whose render can read the renderer (the live span).
      this.host.requestUpdate();
    } catch {
      this.#failures++;
      this.retry = setTimeout(
        () => {
          this.retry = undefined;
          this.host.requestUpdate();
        },
        backoffMs(this.#failures, CHART_BACKOFF),
      );
      this.host.requestUpdate();
    } finally {
      this.loading = false;
    }
  }
}
