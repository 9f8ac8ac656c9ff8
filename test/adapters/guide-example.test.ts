import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/kpi.js';
import { assertSourceContract, runSourceContract } from '../../src/testing/index.js';
import type { CrmKpi } from '../../src/kpi.js';
import { acmeReportToFrame, acmeSource } from './acme-source.js';

/** A stand-in for Acme CRM's API, on loopback in the test runner's process. */
let acme = '';

describe('the adapter guide’s worked example (Acme CRM over REST)', () => {
  before(async () => (acme = (await (await fetch('/__crm-lab/acme', { cache: 'no-store' })).json()).url));
  afterEach(() => fixtureCleanup());

  it('acmeReportToFrame maps a report to a KPI frame', () => {
    const frame = acmeReportToFrame({
      report: 'revenue', currency: 'EUR', generated_at: '2024-06-12T09:30:00Z',
      series: [{ date: '2024-06-11', total_to_date: 100 }, { date: '2024-06-12', total_to_date: 250 }],
      previous_total: 200, goal: 300,
    });
    expect(frame.rows).to.deep.equal([
      { time: Date.UTC(2024, 5, 11), value: 100 },
      { time: Date.UTC(2024, 5, 12), value: 250, previous: 200, target: 300 },
    ]);
    expect(frame.asOf).to.equal(Date.UTC(2024, 5, 12, 9, 30));
    expect(frame.fields![1]).to.deep.equal({ name: 'value', type: 'number', unit: 'EUR' });
  });

  it('passes runSourceContract', async function () {
    this.timeout(30_000);
    const report = await assertSourceContract(() => acmeSource(acme, () => 'test-token'), [
      { metric: 'revenue', range: 'this_quarter' },
      { metric: 'new_leads', range: 'today' },
    ], { failingQuery: { metric: 'no_such_report' }, watchMs: 300 });
    expect(report.ok).to.equal(true);
  });

  it('fails it clearly when the token is missing', async function () {
    this.timeout(30_000);
    const report = await runSourceContract(() => acmeSource(acme, () => ''), [{ metric: 'revenue' }], { timeoutMs: 1000, watchMs: 100 });
    expect(report.summary).to.contain('✗ emits a well-formed frame {"metric":"revenue"}: it errored before its first frame: HttpError: HTTP 401');
  });

  it('drives a <crm-kpi> with the CRM’s numbers', async () => {
    const source = acmeSource(acme, () => 'test-token');
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await waitUntil(() => el.state === 'ready', 'never ready', { timeout: 4000 });
    const text = el.shadowRoot!.querySelector('[part~="value"]')!.textContent!;
    expect(text).to.match(/^€1,2\d\d,\d{3}$|^€1\.2M$/);
    await expect(el).to.be.accessible();
  });
});
