import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { take } from 'rxjs';
import '../../../src/leaderboard.js';
import { registerSource, unregisterSource } from '../../../src/data/index.js';
import { demoSource } from '../../../src/demo.js';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { expectChurnLeavesNothingOpen } from '../../helpers/churn.js';
import { rendersDuringBurst } from '../../helpers/render-count.js';
import { changes, inState, moves, names, ranks, rows, settled, spoken, values } from './helpers.js';
import { setUpdateBeat } from '../../../src/widgets/shared/update-beat.js';

const agents = (values: Record<string, number>): Row[] => Object.entries(values).map(([name, value]) => ({ id: name.toLowerCase(), name, value }));
/** Moves and counts last at most the gap between frames: leave a gap longer than the theme's motion. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 500));
const live = (el: CrmLeaderboard) => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim();

async function liveBoard(initial: Record<string, number>, attrs: { highlight?: string; limit?: number } = {}) {
  const source = new ManualSource(frame(agents(initial)));
  const el = await fixture<CrmLeaderboard>(html`<crm-leaderboard metric="agents" locale="en-US" limit=${attrs.limit ?? 10} highlight=${attrs.highlight ?? ''} .source=${source}></crm-leaderboard>`);
  await inState(el, 'ready');
  await settled(el);
  return { el, source };
}

describe('<crm-leaderboard> live', () => {
  // Frame by frame: every update drawn as it comes, not on the page's beat (see update-beat.test.ts).
  before(() => setUpdateBeat(0));
  after(() => setUpdateBeat());
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    unregisterSource('crm');
    fixtureCleanup();
  });

  it('shows no rank changes on the first frame, then ▲/▼/new with words for screen readers', async () => {
    const { el, source } = await liveBoard({ Ana: 30, Ben: 20, Cem: 10 });
    expect(changes(el)).to.deep.equal(['', '', '']);
    source.emit(agents({ Ana: 5, Ben: 20, Cem: 40, Dia: 15 }));
    await settled(el, ['40', '20', '15', '5']);
    expect(names(el)).to.deep.equal(['Cem', 'Ben', 'Dia', 'Ana']);
    expect(changes(el)).to.deep.equal(['▲2', '', 'new', '▼3']);
    expect(rows(el).map((r) => spoken(r, 'change'))).to.deep.equal(['up 2 places', null, 'new in the ranking', 'down 3 places']);
    await expect(el).to.be.accessible();
  });

  it('the rank-change badge stays still, fades over its last moments, then goes', async () => {
    const source = new ManualSource(frame(agents({ Ana: 1, Ben: 2 })));
    const el = await fixture<CrmLeaderboard>(html`<crm-leaderboard metric="agents" change-duration="1200" .source=${source}></crm-leaderboard>`);
    await inState(el, 'ready');
    source.emit(agents({ Ana: 3, Ben: 2 }));
    await settled(el, ['3', '2']);
    const badge = rows(el)[0]!.querySelector('.badge')!;
    expect(badge.classList.contains('fading')).to.be.false;
    // Nothing animates while the badge only sits there.
    expect(badge.getAnimations()).to.have.length(0);
    await waitUntil(() => badge.classList.contains('fading'), 'the badge never faded', { timeout: 4000 });
    await waitUntil(() => changes(el).every((c) => c === ''), 'the badge never went', { timeout: 4000 });
  });

  it('two agents tied at 20 keep their order across refreshes, even when the source reorders its rows', async () => {
    const { el, source } = await liveBoard({ Ana: 10, Ben: 20, Cem: 20, Dia: 5 });
    expect(names(el)).to.deep.equal(['Ben', 'Cem', 'Ana', 'Dia']);
    for (let i = 0; i < 4; i++) {
      source.emit(i % 2 ? agents({ Dia: 5, Cem: 20, Ben: 20, Ana: 10 }) : agents({ Cem: 20, Ana: 10, Dia: 5, Ben: 20 }));
      await frames(2);
      expect(names(el)).to.deep.equal(['Ben', 'Cem', 'Ana', 'Dia']);
      expect(ranks(el)).to.deep.equal(['1=', '1=', '3', '4']);
    }
    expect(moves(el)).to.have.length(0);
    expect(changes(el)).to.deep.equal(['', '', '', '']);
  });

  it('a --crm-motion-duration set after the first render applies to the next update', async () => {
    const { el, source } = await liveBoard({ Ana: 10, Ben: 20 });
    const barDuration = () => getComputedStyle(el.shadowRoot!.querySelector('.bar-fill')!).transitionDuration;
    expect(barDuration()).to.equal('0.1s');
    el.style.setProperty('--crm-motion-duration', '1.2s');
    await pause();
    source.emit(agents({ Ana: 30, Ben: 20 }));
    await frames(2);
    expect(barDuration()).to.equal('1.2s');
  });

  it('moves rows with a transform-only animation, and ends with the DOM in rank order and no transform left', async () => {
    const { el, source } = await liveBoard({ Ana: 30, Ben: 20, Cem: 10 });
    await pause();
    source.emit(agents({ Ana: 30, Ben: 20, Cem: 50 }));
    await waitUntil(() => names(el)[0] === 'Cem', 'never reordered');
    // Mid-move: Cem is drawn where it was (two rows lower) and glides up.
    const running = moves(el);
    expect(running.length).to.be.greaterThan(0);
    const keyframes = (running.find((a) => ((a.effect as KeyframeEffect).target as HTMLElement).dataset.key === 'cem')!.effect as KeyframeEffect).getKeyframes();
    expect(keyframes.map((k) => Object.keys(k).filter((p) => !['offset', 'easing', 'composite', 'computedOffset'].includes(p)))).to.deep.equal([['transform'], ['transform']]);
    expect(keyframes[0]!.transform).to.match(/^translateY\(\d+(\.\d+)?px\)$/);
    await settled(el, ['50', '30', '20']);
    expect(names(el)).to.deep.equal(['Cem', 'Ana', 'Ben']);
    expect(ranks(el)).to.deep.equal(['1', '2', '3']);
    for (const row of rows(el)) {
      expect(getComputedStyle(row).transform).to.equal('none');
      expect(row.getAttribute('style')).to.equal(null);
    }
    const tops = rows(el).map((r) => r.getBoundingClientRect().top);
    expect([...tops].sort((a, b) => a - b)).to.deep.equal(tops);
  });

  it('values count to their new number and end on it exactly', async () => {
    const { el, source } = await liveBoard({ Ana: 100 });
    await pause();
    source.emit(agents({ Ana: 200 }));
    const seenValues = new Set<string>();
    await waitUntil(() => {
      seenValues.add(values(el)[0]!);
      return values(el)[0] === '200';
    }, 'never reached 200');
    const between = [...seenValues].filter((v) => v !== '100' && v !== '200');
    expect(between.length, 'no value between 100 and 200 was shown').to.be.greaterThan(0);
    expect(between.every((v) => /^\d+$/.test(v) && Number(v) > 100 && Number(v) < 200)).to.be.true;
  });

  it('values that keep changing (a live stream) jump to their new number: read, not counted', async () => {
    const { el, source } = await liveBoard({ Ana: 100 });
    for (const value of [110, 120, 130]) {
      await pause();
      source.emit(agents({ Ana: value }));
      await settled(el, [String(value)]);
    }
    await pause();
    source.emit(agents({ Ana: 200 }));
    // Every animation frame for longer than the theme's motion.
    const seenValues = new Set<string>();
    for (const until = performance.now() + 400; performance.now() < until; await frames(1)) seenValues.add(values(el)[0]!);
    expect([...seenValues]).to.deep.equal(['130', '200']);
  });

  it('under reduced motion rows just move and values jump: no animation at all', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { el, source } = await liveBoard({ Ana: 30, Ben: 20 });
    source.emit(agents({ Ana: 30, Ben: 40 }));
    await waitUntil(() => names(el)[0] === 'Ben', 'never reordered');
    expect(values(el)).to.deep.equal(['40', '30']);
    expect(moves(el)).to.have.length(0);
    expect(changes(el)).to.deep.equal(['▲1', '▼1']);
  });

  it('keeps keyboard focus on the same agent when the rows reorder', async () => {
    const { el, source } = await liveBoard({ Ana: 30, Ben: 20, Cem: 10 });
    rows(el)[2]!.focus();
    expect(el.shadowRoot!.activeElement?.getAttribute('data-key')).to.equal('cem');
    source.emit(agents({ Ana: 30, Ben: 20, Cem: 50 }));
    await waitUntil(() => names(el)[0] === 'Cem');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-key')).to.equal('cem');
  });

  it('announces rank changes politely, only for the top three and the highlighted agent', async () => {
    const { el, source } = await liveBoard({ Ana: 50, Ben: 40, Cem: 30, Dia: 20, Eli: 10, Fay: 5 }, { highlight: 'fay' });
    expect(live(el)).to.equal('');
    // Eli and Dia swap below the top three: nobody watched moved, nothing is said.
    source.emit(agents({ Ana: 50, Ben: 40, Cem: 30, Dia: 10, Eli: 20, Fay: 5 }));
    await frames(3);
    expect(live(el)).to.equal('');
    source.emit(agents({ Ana: 50, Ben: 40, Cem: 30, Dia: 10, Eli: 20, Fay: 45 }));
    await waitUntil(() => live(el) !== '', 'nothing was announced');
    expect(live(el)).to.equal('Fay is now rank 2, up 4 places. Ben is now rank 3, down 1 place');
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.classList.contains('sr-only')).to.be.true;
    // Rate-limited: the next change waits its turn.
    source.emit(agents({ Ana: 10, Ben: 40, Cem: 30, Dia: 10, Eli: 20, Fay: 45 }));
    await frames(3);
    expect(live(el)).to.contain('Fay is now rank 2');
  });

  it('renders at most once per animation frame however fast frames arrive, and shows the last', async () => {
    const { el, source } = await liveBoard({ Ana: 0, Ben: 0 });
    const renders = await rendersDuringBurst(el, (i) => source.emit(agents({ Ana: i, Ben: 200 - i })), 200);
    expect(renders).to.be.within(1, 3);
    await settled(el, ['200', '0']);
    expect(names(el)).to.deep.equal(['Ana', 'Ben']);
  });

  it('mounting and removing a live leaderboard 300 times leaves no upstream subscription open', async () => {
    const source = new ManualSource(frame(agents({ Ana: 1, Ben: 2 })));
    await expectChurnLeavesNothingOpen(
      source,
      300,
      (i) => Object.assign(document.createElement('crm-leaderboard'), { metric: i % 2 ? 'agents' : 'revenue', highlight: 'ana', source }),
      async (el, i) => {
        await inState(el, 'ready');
        source.emit(agents({ Ana: 3 + i, Ben: 2 }));
        await frames(1);
      },
      50,
    );
  });

  it('a board on the live demo source ends each burst of updates with ranks that follow the values', async () => {
    const demo = demoSource({ seed: 5, intervalMs: 50 });
    registerSource('crm', { query: (q) => demo.query(q).pipe(take(8)) });
    const el = await fixture<CrmLeaderboard>(html`<crm-leaderboard source="crm" metric="agents" range="this_quarter" locale="en-US" limit="12"></crm-leaderboard>`);
    await inState(el, 'ready');
    await new Promise((r) => setTimeout(r, 600));
    await settled(el);
    const shown = values(el).map((v) => Number(v!.replace(/,/g, '')));
    expect(shown).to.have.length(12);
    expect([...shown].sort((a, b) => b - a)).to.deep.equal(shown);
    const expectedRanks = shown.map((v) => {
      const rank = shown.indexOf(v) + 1;
      return shown.filter((w) => w === v).length > 1 ? `${rank}=` : String(rank);
    });
    expect(ranks(el)).to.deep.equal(expectedRanks);
  });
});
