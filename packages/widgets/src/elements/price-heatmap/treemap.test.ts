import { expect } from '@open-wc/testing';
import { contrast, fillOf, HEATMAP_RANGES, inkOn, scalePosition } from './heatmap-colours.js';
import { labelFit, MIN_LABEL_PX } from './heatmap-tiles.js';
import { needsRelayout, neighbour, type Rect, squarify } from './treemap.js';

const BOX: Rect = { x: 0, y: 0, width: 600, height: 400 };
const area = (r: Rect) => r.width * r.height;
const aspect = (r: Rect) => Math.max(r.width / r.height, r.height / r.width);
const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

describe('squarified treemap', () => {
  it('fills the box, each tile in proportion to its weight, none overlapping', () => {
    const weights = [6, 6, 4, 3, 2, 2, 1];
    const rects = squarify(weights, BOX);
    const total = weights.reduce((a, b) => a + b, 0);
    rects.forEach((rect, i) => {
      expect(area(rect) / area(BOX)).to.be.closeTo(weights[i]! / total, 1e-9);
      expect(rect.x).to.be.at.least(-1e-9);
      expect(rect.y).to.be.at.least(-1e-9);
      expect(rect.x + rect.width).to.be.at.most(BOX.width + 1e-9);
      expect(rect.y + rect.height).to.be.at.most(BOX.height + 1e-9);
      for (const other of rects.slice(i + 1)) expect(overlap(rect, other)).to.be.below(1e-6);
    });
  });

  it('keeps tiles near square (the paper’s example: no tile worse than 3:1)', () => {
    const rects = squarify([6, 6, 4, 3, 2, 2, 1], BOX);
    for (const rect of rects) expect(aspect(rect)).to.be.below(3);
  });

  it('puts the largest in the top-left corner whatever the order given, and answers in that order', () => {
    const rects = squarify([1, 10, 3], BOX);
    expect(rects[1]).to.include({ x: 0, y: 0 });
    expect(area(rects[1]!)).to.be.greaterThan(area(rects[2]!));
    expect(area(rects[2]!)).to.be.greaterThan(area(rects[0]!));
  });

  it('gives no area to weights that are not positive numbers, and nothing in an empty box', () => {
    const rects = squarify([5, 0, Number.NaN, -3, 5], BOX);
    expect(rects.map(area)).to.deep.equal([120_000, 0, 0, 0, 120_000]);
    expect(squarify([1, 2], { x: 0, y: 0, width: 0, height: 100 }).map(area)).to.deep.equal([0, 0]);
    expect(squarify([], BOX)).to.deep.equal([]);
  });

  it('lays out a hundred market caps a thousand-fold apart, every one with some area', () => {
    const weights = Array.from({ length: 100 }, (_, i) => 1000 / (i + 1) ** 1.5);
    const rects = squarify(weights, BOX);
    const sum = rects.reduce((s, r) => s + area(r), 0);
    expect(sum).to.be.closeTo(area(BOX), 1e-6);
    for (const rect of rects) expect(area(rect)).to.be.greaterThan(0);
  });
});

describe('when to lay tiles out again', () => {
  const sized = (weights: Record<string, number>) =>
    Object.entries(weights).map(([key, weight]) => ({ key, weight }));

  it('not for a tick that moves every cap a little', () => {
    expect(
      needsRelayout(
        sized({ BTC: 100, ETH: 40, SOL: 10 }),
        sized({ BTC: 101, ETH: 40.5, SOL: 10.2 }),
      ),
    ).to.equal(false);
  });

  it('when an asset passes another, a share moves materially, or the set changes', () => {
    const before = sized({ BTC: 100, ETH: 40, SOL: 10 });
    expect(needsRelayout(before, sized({ BTC: 100, ETH: 9, SOL: 10 }))).to.equal(true);
    expect(needsRelayout(before, sized({ BTC: 100, ETH: 40, SOL: 13 }))).to.equal(true);
    expect(needsRelayout(before, sized({ BTC: 100, ETH: 40 }))).to.equal(true);
    expect(needsRelayout(before, sized({ BTC: 100, ETH: 40, ADA: 10 }))).to.equal(true);
  });
});

describe('arrow keys between tiles', () => {
  //  A A B B
  //  A A C D
  const rects: Rect[] = [
    { x: 0, y: 0, width: 2, height: 2 },
    { x: 2, y: 0, width: 2, height: 1 },
    { x: 2, y: 1, width: 1, height: 1 },
    { x: 3, y: 1, width: 1, height: 1 },
  ];

  it('moves to the nearest tile beside, and stays at an edge', () => {
    expect(neighbour(rects, 0, 'right')).to.equal(1);
    expect(neighbour(rects, 1, 'down')).to.equal(2);
    expect(neighbour(rects, 2, 'right')).to.equal(3);
    expect(neighbour(rects, 3, 'left')).to.equal(2);
    expect(neighbour(rects, 2, 'left')).to.equal(0);
    expect(neighbour(rects, 3, 'up')).to.equal(1);
    expect(neighbour(rects, 0, 'left')).to.equal(0);
    expect(neighbour(rects, 0, 'up')).to.equal(0);
  });
});

describe('colour scale', () => {
  it('is grey for no change, blue for a rise, orange for a fall, full from a big move of the range', () => {
    expect(scalePosition(0, '24h')).to.equal(0);
    expect(scalePosition(undefined, '24h')).to.equal(0);
    expect(scalePosition(6, '24h')).to.equal(1);
    expect(scalePosition(-40, '24h')).to.equal(-1);
    expect(scalePosition(1, '1h')).to.be.greaterThan(scalePosition(1, '7d'));
    const [r, , b] = fillOf(10, '24h', 'light');
    expect(b).to.be.greaterThan(r);
    const [r2, , b2] = fillOf(-10, '24h', 'light');
    expect(r2).to.be.greaterThan(b2);
  });

  it('writes black or white on every fill at 4.5:1 or more, in both schemes', () => {
    for (const range of HEATMAP_RANGES)
      for (const scheme of ['light', 'dark'] as const)
        for (let percent = -20; percent <= 20; percent += 0.25) {
          const fill = fillOf(percent, range, scheme);
          expect(contrast(fill, inkOn(fill)), `${percent}% ${range} ${scheme}`).to.be.at.least(4.5);
        }
  });
});

describe('labels on tiles', () => {
  it('writes symbol and change on a tile that holds them at 12 px or more, nothing on smaller', () => {
    const big = labelFit(300, 200, 6, 10);
    expect(big.lines).to.equal(3);
    expect(big.fontPx).to.be.greaterThan(MIN_LABEL_PX);
    expect(labelFit(60, 40, 6, 10)).to.deep.equal({ fontPx: 12, lines: 2 });
    expect(labelFit(40, 40, 6, 10).lines).to.equal(0);
    expect(labelFit(120, 20, 6, 10).lines).to.equal(0);
  });
});
