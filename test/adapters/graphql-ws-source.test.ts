import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/kpi.js';
import { GraphqlError, graphqlWsSource, type GraphqlWsSourceOptions } from '../../src/data/graphql-ws-source.js';
import { queryKey } from '../../src/data/query-key.js';
import { registerSource, unregisterSource } from '../../src/data/registry.js';
import { shareQueries } from '../../src/data/share-queries.js';
import { HttpError, problemKind, retryable } from '../../src/data/source-errors.js';
import { type SourceFault, assertSourceContract } from '../../src/testing/index.js';
import type { SourceStatus } from '../../src/data/types.js';
import { formatValue } from '../../src/format/number-format.js';
import type { CrmKpi } from '../../src/kpi.js';
import { CrmLabServer, type LabFaults } from '../servers/crm-lab.js';
import { captureWarnings, record, sleep, statuses, until } from './helpers.js';

/** The subscription a KPI tile needs, as an integrator would write it against the reference schema. */
const KPI = `subscription Kpi($metric: String!, $range: String, $compare: String, $filters: JSON) {
  kpi(metric: $metric, range: $range, compare: $compare, filters: $filters) {
    rows { time value previous target }
    fields { name type unit label }
    asOf
  }
}`;
const FUNNEL = `subscription Funnel($range: String, $filters: JSON) {
  funnel(range: $range, filters: $filters) { rows { stage value } asOf }
}`;
/** The generic subscription: any MetricQuery, rows as JSON. What the demo dashboard uses for every widget. */
const METRIC = `subscription Metric($metric: String!, $dimensions: [String!], $filters: JSON, $range: String, $compare: String, $limit: Int) {
  metric(metric: $metric, dimensions: $dimensions, filters: $filters, range: $range, compare: $compare, limit: $limit) {
    rows
    fields { name type unit label }
    asOf
  }
}`;

const revenue = { metric: 'revenue', range: 'this_quarter' };
const winRate = { metric: 'win_rate' };
const fast = { initialDelay: 50, maxDelay: 200 };

const lastStatus = (source: ReturnType<typeof graphqlWsSource>) => {
  let last: SourceStatus | undefined;
  source.status!().subscribe((s) => (last = s)).unsubscribe();
  return last!;
};

describe('graphqlWsSource against a real graphql-ws server', () => {
  let server: CrmLabServer;
  const make = (options: Partial<GraphqlWsSourceOptions> = {}) => graphqlWsSource({ url: server.graphqlUrl, document: KPI, backoff: fast, ...options });
  beforeEach(async () => (server = await CrmLabServer.start({ intervalMs: 100 })));
  afterEach(() => server.close());

  it('frames reach a widget: <crm-kpi> shows the number the server holds for its query', async () => {
    registerSource('crm-graphql', make());
    try {
      const el = await fixture<CrmKpi>(html`<crm-kpi source="crm-graphql" metric="new_leads" format="number" locale="en-US"></crm-kpi>`);
      await waitUntil(() => el.getAttribute('state') === 'ready', `never ready: ${el.getAttribute('state')}`, { timeout: 8000 });
      const shown = () => el.shadowRoot!.querySelector('[part~="value"]')?.textContent?.trim();
      // The tile asks for { metric, compare }: the server files its frames under the same key.
      await waitUntil(async () => {
        const latest = await server.latest(queryKey({ metric: 'new_leads', compare: 'previous_period' }));
        const value = latest?.rows.at(-1)?.value as number | undefined;
        return value !== undefined && shown() === formatValue(value, { format: 'number', locale: 'en-US' });
      }, 'the tile does not show the server’s number', { timeout: 8000 });
      expect((await server.stats()).graphql.subscribes).to.equal(1);
    } finally {
      fixtureCleanup();
      unregisterSource('crm-graphql');
    }
  });

  it('carries every query over one socket; 20 subscribers of one query make one subscription', async () => {
    const source = shareQueries(make());
    const subs = Array.from({ length: 20 }, () => record(source.query(revenue)));
    const other = record(source.query(winRate));
    await until(() => subs.every((s) => s.frames.length > 0) && other.frames.length > 0, 'not every subscriber got a frame');
    const stats = await server.stats();
    expect([stats.graphql.connections, stats.graphql.subscribes]).to.deep.equal([1, 2]);
    expect(subs[0]!.frames.at(-1)!.fields!.find((f) => f.name === 'value')!.label).to.equal('Revenue');
    expect(other.frames.at(-1)!.fields!.find((f) => f.name === 'value')!.label).to.equal('Win rate');
    for (const s of [...subs, other]) s.subscription.unsubscribe();
  });

  it('sends complete when a query’s last subscriber leaves, and closes the socket when none is left', async () => {
    const source = make();
    const status = statuses(source);
    const a = record(source.query(revenue));
    const b = record(source.query(winRate));
    await until(() => a.frames.length > 0 && b.frames.length > 0, 'no frames');
    a.subscription.unsubscribe();
    await until(async () => (await server.stats()).graphql.completes === 1, 'no complete sent');
    const before = b.frames.length;
    await until(() => b.frames.length > before + 1, 'the other query stopped');
    expect((await server.stats()).graphql.open).to.equal(1);
    b.subscription.unsubscribe();
    await until(async () => (await server.stats()).graphql.open === 0, 'the socket stayed open');
    const stats = await server.stats();
    expect(stats.graphql.completes).to.equal(2);
    await until(async () => (await server.stats()).live === 0, 'the server still runs the queries');
    expect(status.now()).to.equal('idle');
    status.stop();
  });

  it('after the server restarts it reconnects, reports it, and subscribes every live query once again', async () => {
    const source = make();
    const status = statuses(source);
    const a = record(source.query(revenue));
    const b = record(source.query(winRate));
    await until(() => status.now() === 'open' && a.frames.length > 0 && b.frames.length > 0, 'never open');
    await server.stop();
    await until(() => status.now() === 'reconnecting', 'did not report reconnecting');
    const down = lastStatus(source);
    expect(down.kind).to.equal('unreachable');
    expect(down.retryAt).to.be.a('number');
    await sleep(300); // a few failed attempts while the port is closed
    await server.restart();
    await until(() => status.now() === 'open', 'did not come back');
    const [na, nb] = [a.frames.length, b.frames.length];
    await until(() => a.frames.length > na && b.frames.length > nb, 'not every query came back');
    const stats = await server.stats();
    expect(stats.graphql.open).to.equal(1);
    expect(stats.graphql.subscribes).to.equal(4); // two queries, before and after the restart
    expect([a.error, b.error]).to.deep.equal([null, null]);
    a.subscription.unsubscribe();
    b.subscription.unsubscribe();
    status.stop();
  });

  it('a GraphQL error reaches the widget as an error with its message, and the socket carries on', async () => {
    registerSource('crm-graphql', make());
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <crm-kpi source="crm-graphql" metric="no_such_metric"></crm-kpi>
        <crm-kpi source="crm-graphql" metric="revenue"></crm-kpi>
      </div>`);
      const [bad, good] = [...wrap.querySelectorAll('crm-kpi')] as CrmKpi[];
      await waitUntil(() => bad!.getAttribute('state') === 'error' && good!.getAttribute('state') === 'ready', 'states never settled', { timeout: 8000 });
      expect(bad!.shadowRoot!.querySelector('.error-detail')!.textContent).to.equal('unknown metric no_such_metric');
      expect((await server.stats()).graphql.connections).to.equal(1);
    } finally {
      fixtureCleanup();
      unregisterSource('crm-graphql');
    }
  });

  it('an invalid document errors with the server’s validation message; a metric without a document errors too', async () => {
    const source = make({ documents: { broken: 'subscription { nope }' } });
    const broken = record(source.query({ metric: 'broken' }));
    const good = record(source.query(revenue));
    await until(() => broken.error && good.frames.length > 0, 'no error');
    expect(broken.error).to.be.instanceOf(GraphqlError);
    expect((broken.error as Error).message).to.equal('Cannot query field "nope" on type "Subscription".');
    // A metric without a document is an error of its own, not a throw.
    const none = record(graphqlWsSource({ url: server.graphqlUrl, documents: { funnel: FUNNEL } }).query(revenue));
    await until(() => none.error, 'no error for a metric without a document');
    expect((none.error as Error).message).to.equal('No GraphQL document for the metric revenue.');
    good.subscription.unsubscribe();
  });

  it('an auth failure in connection_init stops with the reason: every query ends, nothing is asked again', async () => {
    await server.faults({ graphqlToken: 'fresh' });
    const source = make({ connectionParams: { token: 'stale' } });
    const a = record(source.query(revenue));
    const b = record(source.query(winRate));
    await until(() => a.error && b.error, 'the queries did not end');
    expect(a.error).to.be.instanceOf(HttpError);
    expect([(a.error as HttpError).status, (a.error as Error).message, retryable(a.error), problemKind(a.error)]).to.deep.equal([401, 'Invalid or expired token', false, 'unauthorized']);
    expect(lastStatus(source)).to.deep.equal({ state: 'closed', error: 'Invalid or expired token', kind: 'unauthorized' });
    await sleep(400);
    const stats = await server.stats();
    expect(stats.graphql.connections).to.equal(1);
    expect(stats.graphql.connectionParams).to.deep.equal([{ token: 'stale' }]);
  });

  it('a server that refuses everyone in connection_init (4403) ends every query as forbidden', async () => {
    await server.faults({ graphqlForbidden: true });
    const source = make();
    const a = record(source.query(revenue));
    await until(() => a.error, 'the query did not end');
    expect([statusOfError(a.error), problemKind(a.error)]).to.deep.equal([403, 'forbidden']);
    expect(lastStatus(source).state).to.equal('closed');
  });

  it('onUnauthorized refreshes the token once; connectionParams, a function, sends the new one', async () => {
    await server.faults({ graphqlToken: 'fresh' });
    let token = 'stale';
    let refreshes = 0;
    const source = make({ connectionParams: () => ({ token }), onUnauthorized: () => ((token = 'fresh'), refreshes++) });
    const a = record(source.query(revenue));
    await until(() => a.frames.length > 0, 'no frame after the refresh');
    expect(refreshes).to.equal(1);
    expect((await server.stats()).graphql.connectionParams).to.deep.equal([{ token: 'stale' }, { token: 'fresh' }]);
    expect(a.error).to.equal(null);
    a.subscription.unsubscribe();
  });

  it('hostile payloads cost a warning each: malformed messages, unknown ids, frames of the wrong shape; the socket survives', async () => {
    const warnings = captureWarnings();
    try {
      const source = make();
      const a = record(source.query(revenue));
      await until(() => a.frames.length > 0, 'no frame');
      // This source numbers its operations: the first query is "1".
      await server.sendRaw('{not json');
      await server.sendRaw(JSON.stringify({ type: 'launch' }));
      await server.sendRaw(JSON.stringify({ type: 'next', payload: { data: {} } }));
      await server.sendRaw(JSON.stringify({ id: 'nobody', type: 'next', payload: { data: { kpi: { rows: [], asOf: 1 } } } }));
      await server.sendRaw(JSON.stringify({ id: 'nobody', type: 'error', payload: [{ message: 'boom' }] }));
      await server.sendRaw(JSON.stringify({ id: '1', type: 'next', payload: { data: { kpi: { rows: 'many', asOf: 1 } } } }));
      await until(() => warnings.seen.length >= 6, `only ${warnings.seen.length} warnings: ${warnings.seen.join(' | ')}`);
      const text = warnings.seen.join('\n');
      expect(text).to.contain('JSON').and.contain('"launch"').and.contain('no subscription has the id nobody').and.contain('frame.rows must be an array');
      const n = a.frames.length;
      await until(() => a.frames.length > n, 'the socket died');
      expect(a.frames.every((f) => Array.isArray(f.rows))).to.equal(true);
      expect(a.error).to.equal(null);
      expect((await server.stats()).graphql.connections).to.equal(1);
      a.subscription.unsubscribe();
    } finally {
      warnings.restore();
    }
  });

  it('a link that goes silent is detected by the heartbeat and replaced ("stalled")', async () => {
    const source = make({ heartbeatMs: 150 });
    const status = statuses(source);
    const a = record(source.query(revenue));
    await until(() => status.now() === 'open' && a.frames.length > 0, 'never open');
    await server.faults({ graphqlSilent: true });
    await until(() => status.now() === 'reconnecting', 'the dead link was not noticed');
    expect(lastStatus(source)).to.include({ error: 'The server stopped answering.', kind: 'stalled' });
    await server.faults({ graphqlSilent: false });
    await until(() => status.now() === 'open', 'no new link');
    const n = a.frames.length;
    await until(() => a.frames.length > n, 'no frames on the new link');
    expect((await server.stats()).graphql.connections).to.be.at.least(2);
    a.subscription.unsubscribe();
    status.stop();
  });

  it('one generic document answers every widget kind: funnel, agents with a limit, forecast by channel, records with filters', async () => {
    const source = make({ document: METRIC });
    const funnel = record(source.query({ metric: 'funnel', range: 'this_quarter' }));
    const agents = record(source.query({ metric: 'agents', filters: { team: ['Sales'] }, limit: 3 }));
    const forecast = record(source.query({ metric: 'forecast', dimensions: ['channel'] }));
    const records = record(source.query({ metric: 'funnel_records', filters: { stage: 'Won' }, limit: 5 }));
    const all = [funnel, agents, forecast, records];
    await until(() => all.every((r) => r.frames.length > 0), `no frames for ${all.map((r) => r.frames.length)}`);
    expect(funnel.frames[0]!.rows.map((r) => r.stage)).to.deep.equal(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won']);
    expect(agents.frames[0]!.rows.every((r) => r.team === 'Sales')).to.equal(true);
    expect(new Set(forecast.frames[0]!.rows.map((r) => r.channel))).to.deep.equal(new Set(['direct', 'partner']));
    expect(records.frames[0]!.rows.length).to.be.within(1, 5);
    expect(records.frames[0]!.rows.every((r) => r.stage === 'Won')).to.equal(true);
    expect(all.map((r) => r.error)).to.deep.equal([null, null, null, null]);
    for (const r of all) r.subscription.unsubscribe();
  });

  it('maps results with documents per metric, variables and toFrame', async () => {
    const source = make({
      documents: { funnel: FUNNEL },
      variables: (q) => ({ metric: q.metric, range: q.range ?? 'this_quarter' }),
      toFrame: (data, q) => {
        const frame = (q.metric === 'funnel' ? data.funnel : data.kpi) as { rows: Array<Record<string, number | string>>; asOf: number };
        return { rows: frame.rows.map((row) => ({ ...row, metric: q.metric })), asOf: frame.asOf };
      },
    });
    const funnel = record(source.query({ metric: 'funnel' }));
    const kpi = record(source.query(winRate));
    await until(() => funnel.frames.length > 0 && kpi.frames.length > 0, 'no frames');
    expect(funnel.frames[0]!.rows.map((r) => r.stage)).to.deep.equal(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won']);
    expect(new Set(funnel.frames[0]!.rows.map((r) => r.metric))).to.deep.equal(new Set(['funnel']));
    expect(kpi.frames[0]!.rows.at(-1)!.metric).to.equal('win_rate');
    funnel.subscription.unsubscribe();
    kpi.subscription.unsubscribe();
  });
});

/** The lab server's GraphQL failure modes as the contract kit's `faults` switch. */
const NORMAL: LabFaults = { graphqlToken: null, graphqlForbidden: false, graphqlRefuse: 0, graphqlAckThenClose: 0, graphqlSilent: false };
const FAULTS: Partial<Record<SourceFault, LabFaults | false>> = {
  // No token is sent, and the server asks for one: 4401 in connection_init.
  unauthorized: { graphqlToken: 'required' },
  unavailable: { graphqlRefuse: 503 },
  'rate-limited': false,
  // Acknowledged, then closed: the acknowledgement alone must not start the backoff over.
  'accept-then-close': { graphqlAckThenClose: 1011 },
};

describe('runSourceContract: graphqlWsSource passes', () => {
  let server: CrmLabServer;
  // A quiet CRM (nothing changes for a minute): only the pongs to the source's pings confirm the numbers.
  before(async () => (server = await CrmLabServer.start({ intervalMs: 60_000 })));
  after(() => server.close());

  it('every check, pongs confirming unchanged numbers', async function () {
    this.timeout(90_000);
    const faults = async (fault: SourceFault) => {
      const set = fault === 'none' ? NORMAL : FAULTS[fault];
      if (set === false || set === undefined) return false;
      await server.faults({ ...NORMAL, ...set });
      return true;
    };
    const report = await assertSourceContract(
      () => graphqlWsSource({ url: server.graphqlUrl, document: KPI, heartbeatMs: 300 }),
      [revenue, { metric: 'agents', filters: { team: ['Sales', 'Service'] }, limit: 5 }],
      { watchMs: 400, settleMs: 150, timeoutMs: 3000, resilienceMs: 3000, confirmWithinMs: 500, failingQuery: { metric: 'no_such_metric' }, faults },
    );
    const outcomes = Object.fromEntries(report.results.map((r) => [r.check, r.outcome]));
    expect(outcomes).to.deep.include({ '401 stops, with the reason': 'passed', '5xx is retried with backoff': 'passed', '429 waits for Retry-After': 'skipped', 'accept-then-close is backed off': 'passed', 'confirms unchanged data': 'passed', 'errors surface as errors': 'passed' });
  });
});

function statusOfError(error: unknown): number | undefined {
  return (error as { status?: number } | null)?.status;
}
