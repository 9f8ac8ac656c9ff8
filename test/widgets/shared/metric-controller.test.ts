import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Observable } from 'rxjs';
import '../../../src/kpi.js';
import { registerSource, unregisterSource } from '../../../src/data/registry.js';
import type { MetricFrame, MetricSource } from '../../../src/data/types.js';
import type { CrmKpi } from '../../../src/kpi.js';
import { ManualSource, frame, frames } from '../../helpers/sources.js';

const value = (el: CrmKpi) => el.shadowRoot!.querySelector('[part~="value"]')?.textContent?.trim();
const inState = (el: CrmKpi, state: string) => waitUntil(() => el.getAttribute('state') === state, `never ${state}`, { timeout: 4000 });

describe('MetricController', () => {
  afterEach(() => unregisterSource('ctl'));

  it('a source that replaces its own registration while it is subscribed synchronously: the widget ends on the new one, the old is closed', async () => {
    const replacement = new ManualSource(frame([{ value: 2 }]));
    const original = new ManualSource(frame([{ value: 1 }]));
    const query = original.query.bind(original);
    original.query = (q) =>
      new Observable<MetricFrame>((subscriber) => {
        const subscription = query(q).subscribe(subscriber);
        registerSource('ctl', replacement);
        return subscription;
      });
    registerSource('ctl', original);
    const el = await fixture<CrmKpi>(html`<crm-kpi source="ctl" metric="revenue"></crm-kpi>`);
    await inState(el, 'ready');
    await frames(2);
    expect(value(el)).to.equal('2');
    expect(original.active).to.equal(0);
    expect([replacement.opened, replacement.active]).to.deep.equal([1, 1]);
    el.remove();
    expect(replacement.active).to.equal(0);
  });

  it('a crm-state listener that removes the widget as it starts loading leaves nothing subscribed', async () => {
    const source = new ManualSource(frame([{ value: 1 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="a" .source=${source}></crm-kpi>`);
    await inState(el, 'ready');
    el.addEventListener('crm-state', (e) => {
      if (e.detail.state === 'loading') el.remove();
    });
    el.metric = 'b';
    await frames(3);
    expect(el.isConnected).to.equal(false);
    expect(source.active).to.equal(0);
  });

  it('a widget removed while it waits for a name opens nothing when the name is registered later', async () => {
    const el = await fixture<CrmKpi>(html`<crm-kpi source="ctl" metric="revenue"></crm-kpi>`);
    await el.updateComplete;
    el.remove();
    const source = new ManualSource(frame([{ value: 1 }]));
    registerSource('ctl', source);
    await frames(2);
    expect(source.opened).to.equal(0);
  });

  it('a source whose streams are only subscribable (no RxJS) goes live, and one that completed never goes stale', async () => {
    let unsubscribed = 0;
    const once = {
      query: () => ({
        subscribe(observer: { next: (f: MetricFrame) => void; complete: () => void }) {
          observer.next(frame([{ value: 42 }]));
          observer.complete();
          return { unsubscribe: () => void unsubscribed++ };
        },
      }),
    } as unknown as MetricSource;
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" stale-after="20" .source=${once}></crm-kpi>`);
    await inState(el, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await frames(2);
    expect(el.getAttribute('state')).to.equal('ready');
    expect(value(el)).to.equal('42');
    expect(unsubscribed).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('a status channel that sends something that is not a status is ignored from then on; the data stays live', async () => {
    const source = new ManualSource(frame([{ value: 1 }]));
    let statusOpen = 0;
    const withStatus: MetricSource = {
      query: (q) => source.query(q),
      status: () =>
        new Observable((subscriber) => {
          statusOpen++;
          subscriber.next(null as never);
          subscriber.next({ state: 'reconnecting', error: 'down' });
          return () => statusOpen--;
        }),
    };
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" .source=${withStatus}></crm-kpi>`);
    await inState(el, 'ready');
    source.emit([{ value: 3 }]);
    await frames(3);
    expect(el.getAttribute('state')).to.equal('ready');
    expect(value(el)).to.equal('3');
    expect(statusOpen).to.equal(0);
  });
});
