import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { BehaviorSubject, type Observable } from 'rxjs';
import '../../../src/kpi.js';
import '../../../src/leaderboard.js';
import { HttpError } from '../../../src/data/source-errors.js';
import type { MetricFrame, SourceStatus } from '../../../src/data/types.js';
import type { CrmStateDetail, CrmStateEvent } from '../../../src/events/crm-state.js';
import type { CrmKpi } from '../../../src/kpi.js';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';
import { captureWarnings } from '../../adapters/helpers.js';
import { countRenders } from '../../helpers/render-count.js';
import { ManualSource, frame, frames } from '../../helpers/sources.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: HTMLElement, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const inState = (el: HTMLElement, state: string) => waitUntil(() => el.getAttribute('state') === state, `state stayed ${el.getAttribute('state')}, not ${state}`, { timeout: 4000 });

/** A hand-driven source that also reports a connection status. */
class StatusSource extends ManualSource {
  readonly link = new BehaviorSubject<SourceStatus>({ state: 'open' });
  status(): Observable<SourceStatus> {
    return this.link;
  }
}

describe('the stale note says why, and as of when', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => {
    warnings.restore();
    fixtureCleanup();
  });

  it('a frame equal to the last (new arrays, same cells) confirms: no render, and the tile stays ready past stale-after', async () => {
    const source = new ManualSource(frame([{ value: 7, previous: 5 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" stale-after="400" .source=${source}></crm-kpi>`);
    await inState(el, 'ready');
    await frames(2);
    const renders = countRenders(el);
    for (let i = 0; i < 8; i++) {
      source.emit([{ value: 7, previous: 5 }]);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(el.state).to.equal('ready');
    expect(renders()).to.equal(0);
    source.emit([{ value: 8, previous: 5 }]);
    await waitUntil(() => text(el, 'value') === '8', 'new data did not render', { timeout: 4000 });
  });

  it('reason and as-of are parts of their own; a reason that changes within stale is announced with crm-state', async () => {
    const source = new StatusSource(frame([{ value: 41 }], Date.UTC(2024, 0, 1, 9, 30)));
    const events: CrmStateDetail[] = [];
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" locale="en-GB" .source=${source} @crm-state=${(e: CrmStateEvent) => events.push(e.detail)}></crm-kpi>`);
    await inState(el, 'ready');
    source.link.next({ state: 'reconnecting', error: 'The connection was lost.', kind: 'unreachable' });
    await inState(el, 'stale');
    expect(text(el, 'stale-reason')).to.equal('Server unreachable — retrying');
    expect(text(el, 'as-of')).to.match(/^as of 1 Jan 2024, \d{2}:30$/);
    const retryAt = Date.now() + 120_000;
    source.link.next({ state: 'reconnecting', error: 'HTTP 429', kind: 'rate-limited', retryAt });
    await waitUntil(() => text(el, 'stale-reason')?.startsWith('Rate limited'), 'the reason did not change', { timeout: 4000 });
    expect(text(el, 'stale-reason')).to.match(/^Rate limited — retrying at \d{2}:\d{2}$/);
    expect(events.map((e) => [e.state, e.problem?.kind])).to.deep.equal([
      ['ready', undefined],
      ['stale', 'unreachable'],
      ['stale', 'rate-limited'],
    ]);
    expect(events[2]!.problem).to.deep.include({ retrying: true, retryAt });
  });

  it('a KPI stopped by a 401 keeps its numbers, offers Retry beside the tile (not inside its button), and Retry asks again', async () => {
    const source = new ManualSource(frame([{ value: 3 }]));
    const drills: unknown[] = [];
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" .source=${source} @crm-drilldown=${(e: Event) => drills.push(e)}></crm-kpi>`);
    await inState(el, 'ready');
    source.fail(new HttpError(401, 'HTTP 401 Unauthorized'));
    await inState(el, 'stale');
    expect(text(el, 'value')).to.equal('3');
    expect(text(el, 'stale-reason')).to.equal('Session expired — sign in again');
    const retry = part(el, 'retry') as HTMLButtonElement;
    expect(retry.closest('[role=button]')).to.equal(null);
    await expect(el).to.be.accessible();
    const opened = source.opened;
    retry.click();
    await waitUntil(() => source.opened === opened + 1, 'Retry did not subscribe again');
    expect(drills).to.have.length(0);
  });

  it('a leaderboard stopped by a 404 says so in its note, in German too', async () => {
    const source = new ManualSource(frame([{ name: 'Ana', value: 5 }]));
    const el = await fixture<CrmLeaderboard>(html`<crm-leaderboard metric="agents" locale="de-DE" .source=${source}></crm-leaderboard>`);
    await inState(el, 'ready');
    source.fail(new HttpError(404, 'HTTP 404'));
    await inState(el, 'stale');
    expect(text(el, 'stale-reason')).to.equal('Von dieser Quelle nicht verfügbar');
    expect(text(el, 'retry')).to.equal('Erneut versuchen');
    await expect(el).to.be.accessible();
  });

  it('a retryable error keeps asking: no Retry button, and the reason says it retries', async () => {
    const source = new ManualSource(frame([{ value: 3 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" .source=${source}></crm-kpi>`);
    await inState(el, 'ready');
    source.fail(new HttpError(503, 'HTTP 503'));
    await inState(el, 'stale');
    expect(text(el, 'stale-reason')).to.match(/^Server error — retrying at /);
    expect(part(el, 'retry')).to.equal(null);
  });

  it('a frame that is not an object is dropped with a warning; the numbers stay', async () => {
    const source = new ManualSource(frame([{ value: 3 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" .source=${source}></crm-kpi>`);
    await inState(el, 'ready');
    source.emit(null as unknown as MetricFrame);
    await inState(el, 'stale');
    expect(text(el, 'value')).to.equal('3');
    expect(warnings.seen.some((w) => w.includes('malformed'))).to.equal(true);
  });
});
