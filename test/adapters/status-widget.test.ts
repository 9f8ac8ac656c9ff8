import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { BehaviorSubject, type Observable, throwError } from 'rxjs';
import '../../src/kpi.js';
import type { MetricFrame, MetricQuery, SourceStatus } from '../../src/data/types.js';
import type { CrmStateEvent } from '../../src/events/crm-state.js';
import type { CrmKpi } from '../../src/kpi.js';
import { ManualSource, frame, frames } from '../helpers/sources.js';
import { captureWarnings } from './helpers.js';

/** A hand-driven source that also reports a connection status. */
class StatusSource extends ManualSource {
  readonly link = new BehaviorSubject<SourceStatus>({ state: 'connecting' });
  status(): Observable<SourceStatus> {
    return this.link;
  }
}

const text = (el: CrmKpi, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const inState = (el: CrmKpi, state: string) => waitUntil(() => el.getAttribute('state') === state, `state stayed ${el.getAttribute('state')}, not ${state}`, { timeout: 4000 });

describe('widgets follow their source’s connection status', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => {
    warnings.restore();
    fixtureCleanup();
  });

  it('reconnecting → stale with the last value and its time; open → ready, without resubscribing', async () => {
    const source = new StatusSource(frame([{ value: 41 }], Date.UTC(2024, 0, 1, 9, 30)));
    const states: string[] = [];
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" locale="en-GB" .source=${source} @crm-state=${(e: CrmStateEvent) => states.push(e.detail.state)}></crm-kpi>`);
    source.link.next({ state: 'open' });
    await inState(el, 'ready');
    source.link.next({ state: 'reconnecting', error: 'The connection was lost.' });
    await inState(el, 'stale');
    expect(text(el, 'value')).to.equal('41');
    expect(text(el, 'stale')).to.contain('as of');
    await expect(el).to.be.accessible();
    source.link.next({ state: 'open' });
    await inState(el, 'ready');
    expect(text(el, 'stale')).to.equal(null);
    expect(source.opened).to.equal(1);
    expect(states).to.deep.equal(['ready', 'stale', 'ready']);
  });

  it('a frame while the link is still down does not make the tile ready', async () => {
    const source = new StatusSource(frame([{ value: 1 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" .source=${source}></crm-kpi>`);
    await inState(el, 'ready');
    source.link.next({ state: 'reconnecting' });
    await inState(el, 'stale');
    source.emit([{ value: 2 }]);
    await frames(3);
    expect(el.state).to.equal('stale');
    expect(text(el, 'value')).to.equal('2');
  });

  it('down before any data → the error view with the reason; back and a frame → ready', async () => {
    const source = new StatusSource();
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" .source=${source}></crm-kpi>`);
    source.link.next({ state: 'reconnecting', error: 'The server cannot be reached.' });
    await inState(el, 'error');
    expect(text(el, 'error')).to.contain('The server cannot be reached.');
    await expect(el).to.be.accessible();
    source.link.next({ state: 'open' });
    source.emit([{ value: 5 }]);
    await inState(el, 'ready');
    expect(text(el, 'value')).to.equal('5');
  });

  it('closed (the server ended the stream) keeps the numbers, stale', async () => {
    const source = new StatusSource(frame([{ value: 9 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" .source=${source}></crm-kpi>`);
    await inState(el, 'ready');
    source.link.next({ state: 'closed', error: 'The server ended the stream.' });
    await inState(el, 'stale');
    expect(text(el, 'value')).to.equal('9');
  });

  it('a status() that throws or errors is ignored: the data still arrives', async () => {
    const frames$ = new ManualSource(frame([{ value: 3 }]));
    const broken = { query: (q: MetricQuery): Observable<MetricFrame> => frames$.query(q), status: () => throwError(() => new Error('no status')) };
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" .source=${broken}></crm-kpi>`);
    await inState(el, 'ready');
    expect(text(el, 'value')).to.equal('3');
  });

  it('switching the query while the link is down: the new query’s tile is stale too, on one subscription', async () => {
    const source = new StatusSource(frame([{ value: 1 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="a" .source=${source}></crm-kpi>`);
    source.link.next({ state: 'reconnecting' });
    await inState(el, 'stale');
    el.metric = 'b';
    await inState(el, 'stale');
    expect(source.active).to.equal(1);
  });
});
