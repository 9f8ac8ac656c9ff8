import { expect } from '@open-wc/testing';
import { seededRandom } from '../../src/data/seeded-random.js';
import { type Cell, type LayoutItem, cellsOverlap, fitCell, layoutCells, layoutRows, moveCell } from '../../src/dashboard/grid-layout.js';

const item = (id: string, x: number, y: number, w: number, h: number, placed = true): LayoutItem => ({ id, cell: { x, y, w, h }, placed });

function expectNoOverlap(layout: ReadonlyMap<string, Cell>, columns: number, label = '') {
  const cells = [...layout];
  for (const [id, cell] of cells) {
    expect(cell.x, `${label} ${id}.x`).to.be.at.least(0);
    expect(cell.y, `${label} ${id}.y`).to.be.at.least(0);
    expect(cell.w, `${label} ${id}.w`).to.be.within(1, columns);
    expect(cell.h, `${label} ${id}.h`).to.be.at.least(1);
    expect(cell.x + cell.w, `${label} ${id} right edge`).to.be.at.most(columns);
    for (const n of [cell.x, cell.y, cell.w, cell.h]) expect(Number.isInteger(n), `${label} ${id} whole units`).to.equal(true);
  }
  for (let i = 0; i < cells.length; i++)
    for (let j = i + 1; j < cells.length; j++)
      expect(cellsOverlap(cells[i]![1], cells[j]![1]), `${label} ${cells[i]![0]} overlaps ${cells[j]![0]}`).to.equal(false);
}

/** A random dashboard: some tiles with places (overlapping freely), some without, odd numbers included. */
function randomItems(random: () => number, count: number, columns: number): LayoutItem[] {
  return Array.from({ length: count }, (_, i) =>
    item(
      `t${i}`,
      Math.floor(random() * (columns + 3)) - 1,
      Math.floor(random() * 10) - 1,
      Math.floor(random() * (columns + 2)),
      Math.floor(random() * 5),
      random() > 0.25,
    ),
  );
}

describe('layoutCells', () => {
  it('keeps free cells exactly where the config put them, gaps included', () => {
    const layout = layoutCells([item('a', 0, 0, 3, 2), item('b', 6, 0, 6, 4), item('c', 0, 5, 12, 2)], 12);
    expect(Object.fromEntries(layout)).to.deep.equal({
      a: { x: 0, y: 0, w: 3, h: 2 },
      b: { x: 6, y: 0, w: 6, h: 4 },
      c: { x: 0, y: 5, w: 12, h: 2 },
    });
  });

  it('never leaves two tiles overlapping, for 300 random dashboards on 1 to 24 columns', () => {
    const random = seededRandom(13);
    for (let run = 0; run < 300; run++) {
      const columns = 1 + Math.floor(random() * 24);
      const items = randomItems(random, Math.floor(random() * 16), columns);
      const layout = layoutCells(items, columns);
      expect([...layout.keys()], `run ${run}`).to.deep.equal(items.map((i) => i.id));
      expectNoOverlap(layout, columns, `run ${run}`);
    }
  });

  it('pushes a tile that overlaps one above it down to the first free row in its columns', () => {
    const layout = layoutCells([item('a', 0, 0, 6, 3), item('b', 3, 1, 6, 2), item('c', 9, 1, 3, 2)], 12);
    expect(layout.get('a')).to.deep.equal({ x: 0, y: 0, w: 6, h: 3 });
    expect(layout.get('b')).to.deep.equal({ x: 3, y: 3, w: 6, h: 2 });
    expect(layout.get('c')).to.deep.equal({ x: 9, y: 1, w: 3, h: 2 });
  });

  it('takes overlapping tiles in reading order, then input order: the later one moves', () => {
    const first = layoutCells([item('a', 0, 0, 4, 2), item('b', 0, 0, 4, 2)], 12);
    expect(first.get('a')!.y).to.equal(0);
    expect(first.get('b')!.y).to.equal(2);
    // b higher up wins its place even though it comes second in the config
    const second = layoutCells([item('a', 0, 1, 4, 2), item('b', 0, 0, 4, 2)], 12);
    expect(second.get('b')).to.deep.equal({ x: 0, y: 0, w: 4, h: 2 });
    expect(second.get('a')).to.deep.equal({ x: 0, y: 2, w: 4, h: 2 });
  });

  it('puts unplaced tiles in the first free place, row by row, left to right', () => {
    const layout = layoutCells(
      [item('kpi1', 0, 0, 3, 2), item('new1', 0, 0, 3, 2, false), item('wide', 0, 2, 12, 2), item('new2', 0, 0, 6, 2, false), item('new3', 0, 0, 9, 1, false)],
      12,
    );
    expect(layout.get('new1')).to.deep.equal({ x: 3, y: 0, w: 3, h: 2 });
    expect(layout.get('new2')).to.deep.equal({ x: 6, y: 0, w: 6, h: 2 });
    // nothing 9 wide is free in rows 0..3: below everything
    expect(layout.get('new3')).to.deep.equal({ x: 0, y: 4, w: 9, h: 1 });
  });

  it('an unplaced tile fills a gap the config left, even between placed tiles', () => {
    const layout = layoutCells([item('top', 0, 0, 12, 1), item('low', 0, 3, 12, 1), item('fill', 0, 0, 4, 2, false)], 12);
    expect(layout.get('fill')).to.deep.equal({ x: 0, y: 1, w: 4, h: 2 });
  });

  it('clamps widths to the columns and moves x so the tile fits; whole units, nothing below 0', () => {
    const layout = layoutCells([item('a', 10, -3, 20, 2.6), item('b', -4, 0.4, 0, 0), item('c', Number.NaN, Number.POSITIVE_INFINITY, Number.NaN, 1)], 6);
    expect(layout.get('a')).to.deep.equal({ x: 0, y: 0, w: 6, h: 3 });
    expect(layout.get('b')).to.deep.equal({ x: 0, y: 3, w: 1, h: 1 });
    expect(layout.get('c')).to.deep.equal({ x: 0, y: 4, w: 1, h: 1 });
  });

  it('is deterministic, and a layout it made comes back unchanged (the config round trip)', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 100; run++) {
      const items = randomItems(random, 10, 12);
      const once = layoutCells(items, 12);
      expect(Object.fromEntries(layoutCells(items, 12)), `run ${run}: same input`).to.deep.equal(Object.fromEntries(once));
      const again = layoutCells([...once].map(([id, cell]) => ({ id, cell, placed: true })), 12);
      expect(Object.fromEntries(again), `run ${run}: read back`).to.deep.equal(Object.fromEntries(once));
    }
  });

  it('a repeated id keeps its first entry; an empty list gives an empty layout', () => {
    const layout = layoutCells([item('a', 0, 0, 2, 2), item('a', 5, 5, 2, 2)], 12);
    expect([...layout]).to.deep.equal([['a', { x: 0, y: 0, w: 2, h: 2 }]]);
    expect(layoutCells([], 12).size).to.equal(0);
    expect(layoutRows(layout)).to.equal(2);
  });

  it('unusable column counts read as 12; more than 24 as 24', () => {
    expect(layoutCells([item('a', 0, 0, 30, 1)], Number.NaN).get('a')!.w).to.equal(12);
    expect(layoutCells([item('a', 0, 0, 30, 1)], 40).get('a')!.w).to.equal(24);
    expect(fitCell({ x: 3, y: 0, w: 2, h: 1 }, 0)).to.deep.equal({ x: 0, y: 0, w: 1, h: 1 });
  });
});

describe('moveCell', () => {
  const start = () =>
    layoutCells([item('a', 0, 0, 6, 2), item('b', 6, 0, 6, 2), item('c', 0, 2, 6, 2), item('d', 0, 4, 12, 2)], 12);

  it('puts the moved tile exactly where asked and pushes the tile it lands on down below it', () => {
    const layout = moveCell(start(), 'b', { x: 0, y: 1, w: 6, h: 2 }, 12);
    expect(layout.get('b')).to.deep.equal({ x: 0, y: 1, w: 6, h: 2 });
    // a overlaps the target and goes below it; c and d follow in order
    expect(layout.get('a')).to.deep.equal({ x: 0, y: 3, w: 6, h: 2 });
    expect(layout.get('c')).to.deep.equal({ x: 0, y: 5, w: 6, h: 2 });
    expect(layout.get('d')).to.deep.equal({ x: 0, y: 7, w: 12, h: 2 });
    expectNoOverlap(layout, 12);
  });

  it('leaves tiles nothing lands on where they are', () => {
    const layout = moveCell(start(), 'a', { x: 0, y: 10, w: 6, h: 2 }, 12);
    expect(layout.get('b')).to.deep.equal({ x: 6, y: 0, w: 6, h: 2 });
    expect(layout.get('c')).to.deep.equal({ x: 0, y: 2, w: 6, h: 2 });
    expect(layout.get('d')).to.deep.equal({ x: 0, y: 4, w: 12, h: 2 });
    expect(layout.get('a')).to.deep.equal({ x: 0, y: 10, w: 6, h: 2 });
  });

  it('moving a tile down past its neighbour swaps them', () => {
    const layout = moveCell(start(), 'a', { x: 0, y: 2, w: 6, h: 2 }, 12);
    expect(layout.get('c')).to.deep.equal({ x: 0, y: 0, w: 6, h: 2 });
    expect(layout.get('a')).to.deep.equal({ x: 0, y: 2, w: 6, h: 2 });
    expect(layout.get('d')).to.deep.equal({ x: 0, y: 4, w: 12, h: 2 });
  });

  it('moving a tile down one row onto its neighbour pushes it down, there is no room above', () => {
    const layout = moveCell(start(), 'a', { x: 0, y: 1, w: 6, h: 2 }, 12);
    expect(layout.get('c')).to.deep.equal({ x: 0, y: 3, w: 6, h: 2 });
    expect(layout.get('d')).to.deep.equal({ x: 0, y: 5, w: 12, h: 2 });
    expectNoOverlap(layout, 12);
  });

  it('moving a tile up onto another pushes that one below it', () => {
    const layout = moveCell(start(), 'c', { x: 0, y: 0, w: 6, h: 2 }, 12);
    expect(layout.get('c')).to.deep.equal({ x: 0, y: 0, w: 6, h: 2 });
    expect(layout.get('a')).to.deep.equal({ x: 0, y: 2, w: 6, h: 2 });
    expect(layout.get('d')).to.deep.equal({ x: 0, y: 4, w: 12, h: 2 });
  });

  it('resizing a tile taller pushes what is below it down, never above it', () => {
    const layout = moveCell(start(), 'c', { x: 0, y: 2, w: 6, h: 3 }, 12);
    expect(layout.get('c')).to.deep.equal({ x: 0, y: 2, w: 6, h: 3 });
    expect(layout.get('d')).to.deep.equal({ x: 0, y: 5, w: 12, h: 2 });
    const wider = moveCell(start(), 'a', { x: 0, y: 0, w: 12, h: 2 }, 12);
    expect(wider.get('b')).to.deep.equal({ x: 6, y: 2, w: 6, h: 2 });
    expect(wider.get('c')).to.deep.equal({ x: 0, y: 2, w: 6, h: 2 });
    expect(wider.get('d')).to.deep.equal({ x: 0, y: 4, w: 12, h: 2 });
  });

  it('fits the target to the grid: no wider than the columns, never off the right edge', () => {
    const layout = moveCell(start(), 'a', { x: 10, y: -2, w: 4, h: 2 }, 12);
    expect(layout.get('a')).to.deep.equal({ x: 8, y: 0, w: 4, h: 2 });
    expectNoOverlap(layout, 12);
  });

  it('keeps the keys in their order and ignores an unknown id', () => {
    const before = start();
    expect([...moveCell(before, 'c', { x: 6, y: 0, w: 6, h: 2 }, 12).keys()]).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(Object.fromEntries(moveCell(before, 'nope', { x: 0, y: 0, w: 1, h: 1 }, 12))).to.deep.equal(Object.fromEntries(before));
  });

  it('never leaves overlaps, for 500 random moves and resizes', () => {
    const random = seededRandom(21);
    for (let run = 0; run < 500; run++) {
      const columns = 1 + Math.floor(random() * 16);
      const layout = layoutCells(randomItems(random, 2 + Math.floor(random() * 10), columns), columns);
      const ids = [...layout.keys()];
      const id = ids[Math.floor(random() * ids.length)]!;
      const to = { x: Math.floor(random() * columns), y: Math.floor(random() * 12), w: 1 + Math.floor(random() * columns), h: 1 + Math.floor(random() * 4) };
      const moved = moveCell(layout, id, to, columns);
      expect(moved.get(id), `run ${run}`).to.deep.equal(fitCell(to, columns));
      expectNoOverlap(moved, columns, `run ${run}`);
      expect(Object.fromEntries(moveCell(layout, id, to, columns)), `run ${run} deterministic`).to.deep.equal(Object.fromEntries(moved));
    }
  });
});
