import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { NEVER, Observable } from 'rxjs';
import '../../../src/leaderboard.js';
import { staticSource } from '../../../src/data/index.js';
import type { MetricFrame, MetricSource } from '../../../src/data/types.js';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';
import { ManualSource, type Row, frame } from '../../helpers/sources.js';
import { inState, names, part, pinnedRow, quietWarnings, ranks, rows, seen, text, values } from './helpers.js';

async function board(rowsOrSource: Row[] | MetricSource, attrs: { limit?: number; highlight?: string; team?: string } = {}) {
  const source = Array.isArray(rowsOrSource) ? staticSource({ agents: rowsOrSource }) : rowsOrSource;
  return fixture<CrmLeaderboard>(
    html`<crm-leaderboard metric="agents" locale="en-US" limit=${attrs.limit ?? 10} highlight=${attrs.highlight ?? ''} team=${attrs.team ?? ''} .source=${source}></crm-leaderboard>`,
  );
}

describe('<crm-leaderboard> states and bad input', () => {
  let warnings: ReturnType<typeof quietWarnings>;
  beforeEach(() => (warnings = quietWarnings()));
  afterEach(() => warnings.restore());

  it('is loading with a skeleton until the first frame', async () => {
    const el = await board({ query: () => NEVER });
    expect(el.getAttribute('state')).to.equal('loading');
    expect(part(el, 'loading')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('0 rows is the empty state, in words', async () => {
    const el = await board([]);
    await inState(el, 'empty');
    expect(text(el, 'empty')).to.equal('No data for this period');
    await expect(el).to.be.accessible();
  });

  it('a team with no agents is the empty state too', async () => {
    const el = await board([{ id: 'a', name: 'Ana', team: 'Sales', value: 1 }], { team: 'Service' });
    await inState(el, 'empty');
  });

  it('an error shows the error view with Retry', async () => {
    const failing: MetricSource = { query: () => new Observable<MetricFrame>((s) => s.error(new Error('HTTP 503'))) };
    const el = await board(failing);
    await inState(el, 'error');
    expect(text(el, 'error')).to.contain('Could not load data').and.contain('HTTP 503');
    await expect(el).to.be.accessible();
  });

  it('keeps the last ranking, marked stale with its time, when frames stop', async () => {
    const source = new ManualSource(frame([{ id: 'a', name: 'Ana', value: 3 }]));
    const el = await fixture<CrmLeaderboard>(html`<crm-leaderboard metric="agents" stale-after="150" locale="en-US" .source=${source}></crm-leaderboard>`);
    await inState(el, 'ready');
    await inState(el, 'stale');
    expect(names(el)).to.deep.equal(['Ana']);
    expect(text(el, 'stale')).to.match(/Not updating · as of \d{1,2}:\d{2}/);
    await expect(el).to.be.accessible();
  });

  it('values that are not numbers (NaN, null, text, booleans, missing) rank last as "—", with an empty bar', async () => {
    const el = await board([
      { id: 'n', name: 'NaN', value: Number.NaN },
      { id: 'u', name: 'Null', value: null },
      { id: 't', name: 'Text', value: 'lots' },
      { id: 'b', name: 'Bool', value: true },
      { id: 'm', name: 'Missing' },
      { id: 's', name: 'String number', value: '12.5' },
      { id: 'k', name: 'Negative', value: -3 },
    ]);
    await inState(el, 'ready');
    expect(names(el).slice(0, 2)).to.deep.equal(['String number', 'Negative']);
    expect(values(el)).to.deep.equal(['12.5', '-3', '—', '—', '—', '—', '—']);
    expect(ranks(el)).to.deep.equal(['1', '2', '—', '—', '—', '—', '—']);
    expect(rows(el).slice(2).every((r) => r.querySelector<HTMLElement>('.bar-fill')!.style.transform === 'scaleX(0)')).to.be.true;
  });

  it('duplicate ids keep both rows, each tracked on its own', async () => {
    const el = await board([
      { id: 'x', name: 'First X', value: 2 },
      { id: 'x', name: 'Second X', value: 5 },
    ]);
    await inState(el, 'ready');
    expect(names(el)).to.deep.equal(['Second X', 'First X']);
    expect(rows(el).map((r) => r.dataset.key)).to.deep.equal(['x~2', 'x']);
  });

  it('a missing name shows the id, and with neither a placeholder and "?" initials', async () => {
    const el = await board([
      { id: 'a17', value: 2 },
      { name: '   ', value: 1 },
    ]);
    await inState(el, 'ready');
    expect(names(el)).to.deep.equal(['a17', 'Unnamed']);
    expect(rows(el).map((r) => seen(r, 'avatar'))).to.deep.equal(['A', '?']);
    await expect(el).to.be.accessible();
  });

  it('10,000 rows: every one is ranked, only the top rows and the pinned one are rendered', async () => {
    const many: Row[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `a${i}`, name: `Agent ${i}`, value: i % 500 }));
    const el = await board(many, { highlight: 'a1234' });
    await inState(el, 'ready');
    expect(rows(el)).to.have.length(11);
    expect(text(el, 'count')).to.equal('Top 10 of 10,000');
    // 20 agents share each value 0…499; value 234 has 265 values above it: 265 × 20 = 5,300 ahead.
    expect(seen(pinnedRow(el)!, 'rank')).to.equal('5,301=');
    expect(ranks(el)[0]).to.equal('1=');
  });

  it('a highlight that matches nobody pins nothing', async () => {
    const el = await board([{ id: 'a', name: 'Ana', value: 1 }], { highlight: 'zz', limit: 1 });
    await inState(el, 'ready');
    expect(pinnedRow(el)).to.equal(null);
    await waitUntil(() => rows(el).length === 1);
  });

  it('limit that is not a number shows all rows', async () => {
    const el = await fixture<CrmLeaderboard>(html`<crm-leaderboard metric="agents" limit="lots" .source=${staticSource({ agents: [{ name: 'A', value: 1 }, { name: 'B', value: 2 }] })}></crm-leaderboard>`);
    await inState(el, 'ready');
    expect(rows(el)).to.have.length(2);
    expect(part(el, 'count')).to.equal(null);
  });
});
