import { expect, fixture, html } from '@open-wc/testing';
import { ChartRenderer } from './chart-renderer.js';

const theme = { text: '#333', grid: '#eee', font: 'sans-serif', series: ['#1d5fd6', '#d9480f'] };
const at = (seconds: number): number => seconds * 1000;

describe('ChartRenderer', () => {
  let renderer: ChartRenderer;
  afterEach(() => renderer?.dispose());

  async function make(): Promise<ChartRenderer> {
    const container = await fixture<HTMLDivElement>(
      html`<div style="width: 400px; height: 200px"></div>`,
    );
    renderer = new ChartRenderer(container, theme, 'en-US');
    renderer.setSymbols(['BTC']);
    return renderer;
  }

  it('draws one point per second, the last price of a second winning', async () => {
    const chart = await make();
    chart.draw('BTC', [
      [at(100), 1],
      [at(100) + 400, 2],
      [at(101), 3],
    ]);
    expect(chart.pointsOf('BTC')).to.deep.equal([
      [100, 2],
      [101, 3],
    ]);
  });

  it('appends new ticks and drops out-of-order and repeated ones instead of throwing', async () => {
    const chart = await make();
    chart.draw('BTC', [
      [at(100), 1],
      [at(101), 2],
    ]);
    chart.append('BTC', [
      [at(100), 1],
      [at(101), 2],
      [at(99), 9],
      [at(101) + 500, 2.5],
      [at(102), 3],
    ]);
    expect(chart.pointsOf('BTC')).to.deep.equal([
      [100, 1],
      [101, 2.5],
      [102, 3],
    ]);
    chart.append('BTC', [[at(50), 0]]);
    expect(chart.pointsOf('BTC').at(-1)).to.deep.equal([102, 3]);
  });

  it('adds and removes lines as the symbols change', async () => {
    const chart = await make();
    chart.setSymbols(['BTC', 'ETH']);
    chart.draw('ETH', [[at(100), 3_500]]);
    expect(chart.pointsOf('ETH')).to.deep.equal([[100, 3_500]]);
    chart.setSymbols(['ETH']);
    expect(chart.pointsOf('BTC')).to.deep.equal([]);
  });
});
