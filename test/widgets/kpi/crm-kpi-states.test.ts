import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { NEVER, Observable, throwError } from 'rxjs';
import '../../../src/kpi.js';
import { registerSource, staticSource, unregisterSource } from '../../../src/data/index.js';
import type { MetricFrame, MetricSource } from '../../../src/data/types.js';
import type { CrmKpi } from '../../../src/kpi.js';
import { ManualSource, type Row, frame } from '../../helpers/sources.js';

const part = (el: CrmKpi, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: CrmKpi, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const inState = (el: CrmKpi, state: string) => waitUntil(() => el.getAttribute('state') === state, `state never became ${state}`, { timeout: 4000 });

/** Silences the widgets' expected console warnings in tests that provoke them, and counts them. */
function quietWarnings() {
  const original = console.warn;
  const seen: unknown[][] = [];
  console.warn = (...args: unknown[]) => void seen.push(args);
  return { seen, restore: () => (console.warn = original) };
}

describe('<crm-kpi> states', () => {
  let warnings: ReturnType<typeof quietWarnings>;
  beforeEach(() => (warnings = quietWarnings()));
  afterEach(() => {
    warnings.restore();
    unregisterSource('crm');
  });

  it('is loading with a skeleton until the first frame', async () => {
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" .source=${{ query: () => NEVER }}></crm-kpi>`);
    expect(el.getAttribute('state')).to.equal('loading');
    expect(el.state).to.equal('loading');
    expect(part(el, 'loading')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('waits for a source name registered later, then goes live', async () => {
    const el = await fixture<CrmKpi>(html`<crm-kpi source="crm" metric="revenue"></crm-kpi>`);
    await el.updateComplete;
    await waitUntil(() => text(el, 'loading')?.includes('Waiting for data source “crm”'));
    registerSource('crm', staticSource({ revenue: [{ value: 7 }] }));
    await inState(el, 'ready');
    expect(text(el, 'value')).to.equal('7');
  });

  it('switches when the registered source is replaced', async () => {
    registerSource('crm', staticSource({ revenue: [{ value: 1 }] }));
    const el = await fixture<CrmKpi>(html`<crm-kpi source="crm" metric="revenue"></crm-kpi>`);
    await inState(el, 'ready');
    registerSource('crm', staticSource({ revenue: [{ value: 2 }] }));
    await waitUntil(() => text(el, 'value') === '2');
  });

  it('is empty, with words, for a frame without rows', async () => {
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" .source=${staticSource({ revenue: [] })}></crm-kpi>`);
    await inState(el, 'empty');
    expect(text(el, 'empty')).to.equal('No data for this period');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a Retry button that asks again at once', async () => {
    let calls = 0;
    let healthy = false;
    const flaky: MetricSource = {
      query: () =>
        new Observable<MetricFrame>((s) => {
          calls++;
          if (healthy) s.next(frame([{ value: 11 }]));
          // Not retried by itself: only the button asks again, so the count below is the button's.
          else s.error(Object.assign(new Error('HTTP 503'), { retryable: false }));
        }),
    };
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" .source=${flaky}></crm-kpi>`);
    await inState(el, 'error');
    expect(text(el, 'error')).to.contain('Could not load data').and.contain('HTTP 503');
    await expect(el).to.be.accessible();
    healthy = true;
    const before = calls;
    part(el, 'error')!.querySelector('button')!.click();
    await el.updateComplete;
    expect(calls).to.equal(before + 1);
    await inState(el, 'ready');
    expect(text(el, 'value')).to.equal('11');
  });

  it('a source whose query() throws gives the error view, not an exception', async () => {
    const broken: MetricSource = {
      query: () => {
        throw new TypeError('adapter bug');
      },
    };
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" .source=${broken}></crm-kpi>`);
    await inState(el, 'error');
    expect(text(el, 'error')).to.contain('adapter bug');
  });

  it('keeps the last numbers, marked stale with their time, when frames stop; live again on the next', async () => {
    const source = new ManualSource(frame([{ value: 5 }], Date.now()));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" stale-after="1000" locale="en-US" .source=${source}></crm-kpi>`);
    await inState(el, 'ready');
    const stale = oneEvent(el, 'crm-state');
    await inState(el, 'stale');
    const event = await stale;
    expect(event.detail).to.deep.include({ state: 'stale', previous: 'ready' });
    expect(text(el, 'value')).to.equal('5');
    expect(text(el, 'stale')).to.match(/Not updating · as of \d{1,2}:\d{2}/);
    source.emit([{ value: 6 }]);
    await inState(el, 'ready');
    expect(text(el, 'value')).to.equal('6');
    expect(part(el, 'stale')).to.equal(null);
  });

  it('keeps the last numbers, stale, when a live source errors, and retries', async () => {
    let subscriptions = 0;
    let fail: (() => void) | undefined;
    const source: MetricSource = {
      query: () => {
        subscriptions++;
        if (subscriptions > 1) return NEVER;
        return new Observable<MetricFrame>((s) => {
          s.next(frame([{ value: 3 }]));
          fail = () => s.error(new Error('socket closed'));
        });
      },
    };
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" .source=${source}></crm-kpi>`);
    await inState(el, 'ready');
    fail!();
    await inState(el, 'stale');
    expect(text(el, 'value')).to.equal('3');
    await waitUntil(() => subscriptions === 2, 'no retry after the error', { timeout: 4000 });
  });

  for (const [name, value] of [
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['null', null],
    ['a word', 'lots'],
    ['a boolean', true],
    ['a missing field', undefined],
  ] as const) {
    it(`a value of ${name} reads "—", with no delta and no exception`, async () => {
      const row = value === undefined ? { previous: 10 } : { value, previous: 10, target: 20 };
      const el = await fixture<CrmKpi>(html`<crm-kpi metric="m" .source=${staticSource({ m: [row as never] })}></crm-kpi>`);
      await inState(el, 'ready');
      expect(text(el, 'value')).to.equal('—');
      expect(part(el, 'delta')).to.equal(null);
      expect(part(el, 'target')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('reads numeric strings, as many CRM APIs send decimals', async () => {
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="m" locale="en-US" .source=${staticSource({ m: [{ value: '1234.5', previous: '1000' }] })}></crm-kpi>`);
    await inState(el, 'ready');
    expect(text(el, 'value')).to.equal('1,235');
    expect(text(el, 'delta')).to.contain('+23.5%');
  });

  it('previous 0 gives an absolute delta without a percentage (never Infinity)', async () => {
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="m" locale="en-US" .source=${staticSource({ m: [{ value: 5, previous: 0 }] })}></crm-kpi>`);
    await inState(el, 'ready');
    expect(text(el, 'delta')).to.contain('+5').and.not.contain('Infinity').and.not.contain('%');
  });

  for (const [name, bad] of [
    ['null', null],
    ['rows that are not an array', { rows: 'x', asOf: 1 }],
    ['a row that is not an object', { rows: [1], asOf: 1 }],
  ] as const) {
    it(`a malformed frame (${name}) gives the error view and a console warning`, async () => {
      const source: MetricSource = { query: () => new Observable<MetricFrame>((s) => s.next(bad as never)) };
      const el = await fixture<CrmKpi>(html`<crm-kpi metric="m" .source=${source}></crm-kpi>`);
      await inState(el, 'error');
      expect(text(el, 'error')).to.contain('malformed');
      expect(warnings.seen.some((args) => String(args[0]).includes('malformed'))).to.be.true;
    });
  }

  it('a mapFrame that throws gives the error view', async () => {
    const el = await fixture<CrmKpi>(html`<crm-kpi
      metric="m"
      .source=${staticSource({ m: [{ value: 1 }] })}
      .mapFrame=${() => {
        throw new Error('mapping broke');
      }}
    ></crm-kpi>`);
    await inState(el, 'error');
    expect(text(el, 'error')).to.contain('mapping broke');
  });

  it('duplicate time rows and rows without time still draw, and the last row is current', async () => {
    const rows: Row[] = [{ time: 1, value: 1 }, { time: 1, value: 2 }, { value: 3 }, { time: 'not a date', value: 4 }, { time: '2026-01-02', value: 5 }];
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="m" .source=${staticSource({ m: rows })}></crm-kpi>`);
    await inState(el, 'ready');
    expect(text(el, 'value')).to.equal('5');
    expect(part(el, 'sparkline')).to.exist;
    // time 1 (twice: the later row wins) and 2026-01-02: two points, two table rows.
    expect(el.shadowRoot!.querySelectorAll('table tbody tr')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('table tbody tr td:last-child')!.textContent).to.equal('2');
  });

  it('reuses an error-free source through throwError without killing other widgets', async () => {
    registerSource('crm', staticSource({ ok: [{ value: 1 }] }));
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <crm-kpi metric="ok" source="crm"></crm-kpi>
      <crm-kpi metric="bad" .source=${{ query: () => throwError(() => new Error('down')) }}></crm-kpi>
    </div>`);
    const [ok, bad] = [...wrap.querySelectorAll('crm-kpi')];
    await inState(bad!, 'error');
    await inState(ok!, 'ready');
    expect(text(ok!, 'value')).to.equal('1');
  });
});
