import { expect } from '@open-wc/testing';
import { type Box, placeLabels } from '../../src/metrics/label-layout.js';

const box = (x: number, y: number, width = 40, height = 12): Box => ({ x, y, width, height });
const bounds = box(0, 0, 200, 100);

describe('placeLabels', () => {
  it('places labels that fit and do not touch', () => {
    const placed = placeLabels([{ id: 'a', priority: 0, options: [box(0, 0)] }, { id: 'b', priority: 0, options: [box(0, 20)] }], bounds);
    expect([...placed]).to.deep.equal([['a', 0], ['b', 0]]);
  });

  it('leaves out the less important of two overlapping labels', () => {
    const placed = placeLabels([{ id: 'minor', priority: 2, options: [box(10, 5)] }, { id: 'major', priority: 1, options: [box(0, 0)] }], bounds);
    expect([...placed.keys()]).to.deep.equal(['major']);
  });

  it('takes the next option when the first collides', () => {
    const placed = placeLabels([{ id: 'a', priority: 0, options: [box(0, 0)] }, { id: 'b', priority: 1, options: [box(0, 0), box(100, 0)] }], bounds);
    expect(placed.get('b')).to.equal(1);
  });

  it('never places a label that would be clipped by the chart or its own column', () => {
    const placed = placeLabels(
      [
        { id: 'out', priority: 0, options: [box(180, 0)] },
        { id: 'column', priority: 0, options: [box(0, 50, 60)], within: box(0, 0, 50, 100) },
      ],
      bounds,
    );
    expect(placed.size).to.equal(0);
  });

  it('keeps a gap between labels and avoids obstacles', () => {
    expect(placeLabels([{ id: 'a', priority: 0, options: [box(0, 0)] }, { id: 'b', priority: 0, options: [box(41, 0)] }], bounds, 2).has('b')).to.be.false;
    expect(placeLabels([{ id: 'a', priority: 0, options: [box(0, 0)] }], bounds, 2, [box(0, 0, 10, 10)]).size).to.equal(0);
  });

  it('a zero-width option is never placed', () => {
    expect(placeLabels([{ id: 'a', priority: 0, options: [box(0, 0, 0)] }], bounds).size).to.equal(0);
  });
});
