import { expect } from '@open-wc/testing';
import { placeLabels } from './axis-labels.js';

/** The tops given, as [top, bottom] spans of labels `height` tall, in order down the gutter. */
const spans = (tops: (number | null)[], height: number) =>
  tops
    .filter((top): top is number => top !== null)
    .sort((a, b) => a - b)
    .map((top) => [top, top + height] as const);

describe('placeLabels', () => {
  it('leaves labels that do not touch where their values are', () => {
    expect(placeLabels([20, 100, 60], 10, 2, 200)).to.deep.equal([15, 95, 55]);
  });

  it('nudges labels that would overlap apart, around where they were wanted', () => {
    const tops = placeLabels([50, 52, 51], 10, 2, 200);
    const placed = spans(tops, 10);
    for (let i = 1; i < placed.length; i++)
      expect(placed[i]![0]).to.be.at.least(placed[i - 1]![1] + 2);
    // The block is centred on the wishes: the middle value's label stays where it was.
    expect(tops[2]).to.equal(46);
    // Each keeps its order: the highest value (the smallest y) on top.
    expect(tops[0]!).to.be.below(tops[2]!);
    expect(tops[2]!).to.be.below(tops[1]!);
  });

  it('keeps every label inside the gutter, values at its edges or past them pushed in', () => {
    const tops = placeLabels([-30, 2, 5, 198, 260], 10, 2, 200);
    for (const [top, bottom] of spans(tops, 10)) {
      expect(top).to.be.at.least(0);
      expect(bottom).to.be.at.most(200);
    }
    expect(tops.every((top) => top !== null)).to.equal(true);
  });

  it('leaves out the labels that cannot fit, the last symbols first', () => {
    // Room for four labels of 10 px, 2 px apart, in 46 px.
    const tops = placeLabels([10, 10, 10, 10, 10, 10], 10, 2, 46);
    expect(tops.slice(0, 4).every((top) => top !== null)).to.equal(true);
    expect(tops.slice(4)).to.deep.equal([null, null]);
    const placed = spans(tops, 10);
    expect(placed[0]![0]).to.equal(0);
    expect(placed.at(-1)![1]).to.be.at.most(46);
  });

  it('places twelve labels in a short gutter without overlap, whatever their values', () => {
    const wanted = [5, 7, 9, 11, 13, 15, 150, 151, 152, 153, 154, 155];
    const tops = placeLabels(wanted, 15, 1, 200);
    const placed = spans(tops, 15);
    expect(placed.length).to.equal(12);
    for (let i = 1; i < placed.length; i++)
      expect(placed[i]![0]).to.be.at.least(placed[i - 1]![1] + 1);
    expect(placed[0]![0]).to.be.at.least(0);
    expect(placed.at(-1)![1]).to.be.at.most(200);
  });
});
