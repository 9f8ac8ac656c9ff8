import { expect } from '@open-wc/testing';
import { leaderShare } from '../../src/metrics/leaderboard-bar.js';
import { badgeFadeMs, badgeFading, nextBadgeChange, rankBadges } from '../../src/metrics/rank-badges.js';
import { topWithPinned } from '../../src/metrics/rank-top.js';
import { rank } from '../../src/metrics/ranking.js';

const ranked = (...keys: string[]) => keys.map((key) => ({ item: { key } }));
const keys = (rows: Array<{ item: { key: string } }>) => rows.map((r) => r.item.key);

describe('topWithPinned', () => {
  it('limit 3 with the last agent highlighted pins it below the top three, with its real rank', () => {
    const r = rank(
      [
        { key: 'a', name: 'A', value: 10 },
        { key: 'b', name: 'B', value: 20 },
        { key: 'c', name: 'C', value: 20 },
        { key: 'd', name: 'D', value: 5 },
      ],
      null,
    );
    const { top, pinned } = topWithPinned(r, 3, 'd');
    expect(keys(top)).to.deep.equal(['b', 'c', 'a']);
    expect(pinned?.item.key).to.equal('d');
    expect(pinned?.rank).to.equal(4);
  });

  it('pins nothing when the highlighted agent is in the top, or absent', () => {
    expect(topWithPinned(ranked('a', 'b', 'c'), 2, 'b').pinned).to.equal(null);
    expect(topWithPinned(ranked('a', 'b', 'c'), 2, 'zz').pinned).to.equal(null);
    expect(topWithPinned(ranked('a', 'b', 'c'), 2, null).pinned).to.equal(null);
  });

  it('a limit that is not a positive number shows everything; a fractional one rounds down', () => {
    for (const limit of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(topWithPinned(ranked('a', 'b', 'c'), limit, null).top).to.have.length(3);
    expect(topWithPinned(ranked('a', 'b', 'c'), 2.9, null).top).to.have.length(2);
  });
});

describe('rankBadges', () => {
  const moved = (key: string, change: number | 'new' | null) => ({ item: { key }, change });

  it('shows a badge for each move, none for unchanged or unknown', () => {
    const badges = rankBadges(new Map(), [moved('a', 2), moved('b', 0), moved('c', -1), moved('d', 'new'), moved('e', null)], 100, 6000);
    expect([...badges]).to.deep.equal([
      ['a', { change: 2, since: 100 }],
      ['c', { change: -1, since: 100 }],
      ['d', { change: 'new', since: 100 }],
    ]);
  });

  it('adds moves while the badge shows (▲1 then ▲2 is ▲3), and a move back clears it', () => {
    let badges = rankBadges(new Map(), [moved('a', 1), moved('b', 1)], 0, 6000);
    badges = rankBadges(badges, [moved('a', 2), moved('b', -1)], 1000, 6000);
    expect(badges.get('a')).to.deep.equal({ change: 3, since: 1000 });
    expect(badges.has('b')).to.be.false;
  });

  it('"new" stays "new" while it shows, however the agent moves', () => {
    let badges = rankBadges(new Map(), [moved('a', 'new')], 0, 6000);
    badges = rankBadges(badges, [moved('a', -2)], 500, 6000);
    expect(badges.get('a')!.change).to.equal('new');
  });

  it('expires after the hold time with or without a new ranking, and drops agents no longer ranked', () => {
    const badges = rankBadges(new Map(), [moved('a', 1), moved('b', 1)], 0, 6000);
    expect(rankBadges(badges, null, 5999, 6000).size).to.equal(2);
    expect(rankBadges(badges, null, 6000, 6000).size).to.equal(0);
    expect([...rankBadges(badges, [moved('a', 0)], 10, 6000).keys()]).to.deep.equal(['a']);
  });

  it('a badge fades over its last second (a quarter of a short time)', () => {
    expect(badgeFadeMs(6000)).to.equal(1000);
    expect(badgeFadeMs(800)).to.equal(200);
    const badge = { change: 1, since: 100 };
    expect(badgeFading(badge, 5099, 6000)).to.be.false;
    expect(badgeFading(badge, 5100, 6000)).to.be.true;
  });

  it('nextBadgeChange is the next badge to start fading or to go, null when none shows', () => {
    const badges = rankBadges(rankBadges(new Map(), [moved('a', 1)], 100, 6000), [moved('b', 1), moved('a', 0)], 900, 6000);
    expect(nextBadgeChange(badges, 1000, 6000)).to.equal(5100); // a starts fading
    expect(nextBadgeChange(badges, 5100, 6000)).to.equal(5900); // b starts fading
    expect(nextBadgeChange(badges, 5900, 6000)).to.equal(6100); // a goes
    expect(nextBadgeChange(new Map(), 0, 6000)).to.equal(null);
  });
});

describe('leaderShare', () => {
  it('desc: value / leader, so 15 of a leader at 20 fills 0.75', () => {
    expect(leaderShare(15, 20)).to.equal(0.75);
    expect(leaderShare(20, 20)).to.equal(1);
  });

  it('asc: leader / value, so twice the leader’s handle time fills half', () => {
    expect(leaderShare(400, 200, 'asc')).to.equal(0.5);
    expect(leaderShare(200, 200, 'asc')).to.equal(1);
  });

  it('missing, negative or zero values give an empty bar, never NaN or more than full', () => {
    expect(leaderShare(null, 20)).to.equal(0);
    expect(leaderShare(-5, 20)).to.equal(0);
    expect(leaderShare(5, 0)).to.equal(0);
    expect(leaderShare(0, 0)).to.equal(0);
    expect(leaderShare(0, 0, 'asc')).to.equal(1);
    expect(leaderShare(10, 0, 'asc')).to.equal(0);
    expect(leaderShare(Number.NaN, 20)).to.equal(0);
    expect(leaderShare(30, 20)).to.equal(1);
  });
});
