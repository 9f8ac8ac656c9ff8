import { expect } from '@open-wc/testing';
import { type Rankable, type Ranked, rank } from '../../src/metrics/ranking.js';

const agent = (key: string, value: number | null, name = key.toUpperCase()): Rankable => ({ key, name, value });
const table = (ranked: Ranked[]) => ranked.map((r) => [r.item.key, r.rank, r.tied, r.change]);

describe('rank', () => {
  it('rank([10, 20, 20, 5]) gives the two 20s a shared rank 1, then 3 and 4', () => {
    const ranked = rank([agent('a', 10), agent('b', 20), agent('c', 20), agent('d', 5)], null);
    expect(table(ranked)).to.deep.equal([
      ['b', 1, true, null],
      ['c', 1, true, null],
      ['a', 3, false, null],
      ['d', 4, false, null],
    ]);
  });

  it('order asc ranks the lowest first (handle time) and keeps shared ranks', () => {
    const ranked = rank([agent('a', 300), agent('b', 240), agent('c', 300), agent('d', 420)], null, { order: 'asc' });
    expect(table(ranked)).to.deep.equal([
      ['b', 1, false, null],
      ['a', 2, true, null],
      ['c', 2, true, null],
      ['d', 4, false, null],
    ]);
  });

  it('ties on the first ranking are broken by name, then key, whatever order the rows came in', () => {
    const rows = [agent('k2', 7, 'Zoe'), agent('k1', 7, 'Adam'), agent('k3', 7, 'Adam')];
    expect(rank(rows, null).map((r) => r.item.key)).to.deep.equal(['k1', 'k3', 'k2']);
    expect(rank([...rows].reverse(), null).map((r) => r.item.key)).to.deep.equal(['k1', 'k3', 'k2']);
  });

  it('tied agents keep their previous relative order across refreshes, even when the source reorders rows', () => {
    const first = rank([agent('b', 20, 'Zed'), agent('c', 20, 'Amy'), agent('a', 10)], null);
    expect(first.map((r) => r.item.key)).to.deep.equal(['c', 'b', 'a']);
    // b pulls ahead, then falls back into the tie: it stays ahead of c, where it was last.
    const second = rank([agent('c', 20, 'Amy'), agent('b', 25, 'Zed'), agent('a', 10)], first);
    expect(second.map((r) => r.item.key)).to.deep.equal(['b', 'c', 'a']);
    const third = rank([agent('a', 10), agent('c', 20, 'Amy'), agent('b', 20, 'Zed')], second);
    expect(third.map((r) => r.item.key)).to.deep.equal(['b', 'c', 'a']);
    let next = third;
    for (let i = 0; i < 5; i++) next = rank([agent('c', 20, 'Amy'), agent('a', 10), agent('b', 20, 'Zed')].reverse(), next);
    expect(next.map((r) => r.item.key)).to.deep.equal(['b', 'c', 'a']);
  });

  it('an agent new to a tie comes after the agents already in it', () => {
    const first = rank([agent('m', 5, 'Mia')], null);
    const second = rank([agent('a', 5, 'Abe'), agent('m', 5, 'Mia')], first);
    expect(second.map((r) => [r.item.key, r.change])).to.deep.equal([
      ['m', 0],
      ['a', 'new'],
    ]);
  });

  it('change counts places moved by key: up positive, down negative, unchanged 0, new "new"', () => {
    const first = rank([agent('a', 30), agent('b', 20), agent('c', 10)], null);
    const second = rank([agent('a', 5), agent('b', 20), agent('c', 40), agent('d', 15)], first);
    expect(table(second)).to.deep.equal([
      ['c', 1, false, 2],
      ['b', 2, false, 0],
      ['d', 3, false, 'new'],
      ['a', 4, false, -3],
    ]);
  });

  it('change follows shared ranks: leaving a tie for first moves the other down one place', () => {
    const first = rank([agent('a', 20), agent('b', 20)], null);
    const second = rank([agent('a', 25), agent('b', 20)], first);
    expect(table(second)).to.deep.equal([
      ['a', 1, false, 0],
      ['b', 2, false, -1],
    ]);
  });

  it('values that are not numbers (null) come last, unranked, with no change', () => {
    const first = rank([agent('a', null, 'Zed'), agent('b', 3), agent('c', null, 'Abe')], null, { order: 'asc' });
    expect(table(first)).to.deep.equal([
      ['b', 1, false, null],
      ['c', null, false, null],
      ['a', null, false, null],
    ]);
    const second = rank([agent('a', 1), agent('b', 3)], first, { order: 'asc' });
    expect(table(second)).to.deep.equal([
      ['a', 1, false, 'new'],
      ['b', 2, false, -1],
    ]);
  });

  it('negative values and zero rank like any number', () => {
    expect(rank([agent('a', -5), agent('b', 0), agent('c', -1)], null).map((r) => r.item.key)).to.deep.equal(['b', 'c', 'a']);
  });

  it('0 entries rank to an empty list', () => {
    expect(rank([], null)).to.deep.equal([]);
  });

  it('10,000 entries all tied at 0 share rank 1 and rank in one pass', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => agent(`k${String(i).padStart(5, '0')}`, 0));
    const ranked = rank(many, null);
    expect(ranked).to.have.length(10_000);
    expect(ranked.every((r) => r.rank === 1 && r.tied)).to.be.true;
    expect(ranked[0]!.item.key).to.equal('k00000');
  });

  it('does not modify its input', () => {
    const rows = [agent('a', 1), agent('b', 2)];
    rank(rows, null);
    expect(rows.map((r) => r.key)).to.deep.equal(['a', 'b']);
  });
});
