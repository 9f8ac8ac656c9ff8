import { expect } from '@open-wc/testing';
import { Observable, of, throwError } from 'rxjs';
import { createSource } from '../../src/data/create-source.js';
import { demoSource } from '../../src/data/demo-source.js';
import { pollingSource } from '../../src/data/polling-source.js';
import { queryToParams } from '../../src/data/query-params.js';
import { sseSource } from '../../src/data/sse-source.js';
import { staticSource } from '../../src/data/static-source.js';
import type { MetricFrame, MetricQuery, MetricSource, SourceStatus } from '../../src/data/types.js';
import { webSocketSource } from '../../src/data/websocket-source.js';
import { type ContractReport, type SourceFault, assertSourceContract, runSourceContract } from '../../src/testing/index.js';
import { CrmLabServer, type LabFaults } from '../servers/crm-lab.js';

const queries: MetricQuery[] = [{ metric: 'revenue', range: 'this_quarter' }, { metric: 'agents', filters: { team: ['Sales', 'Service'] }, limit: 5 }];
const quick = { watchMs: 400, settleMs: 150, timeoutMs: 3000 };
const failed = (r: ContractReport) => r.failures.map((f) => `${f.check}: ${f.message}`);
const outcome = (r: ContractReport, check: string) => r.results.filter((x) => x.check === check).map((x) => x.outcome);

describe('runSourceContract: the built-in adapters pass', () => {
  let server: CrmLabServer;
  before(async () => (server = await CrmLabServer.start({ intervalMs: 100 })));
  after(() => server.close());

  it('webSocketSource', async function () {
    this.timeout(30_000);
    const report = await assertSourceContract(() => webSocketSource({ url: server.socketUrl }), queries, { ...quick, failingQuery: { metric: 'no_such_metric' } });
    expect(report.results.filter((r) => r.outcome === 'passed')).to.have.length(14);
  });

  it('sseSource', async function () {
    this.timeout(30_000);
    await assertSourceContract(() => sseSource({ url: server.streamUrl }), queries, { ...quick, failingQuery: { metric: 'no_such_metric' } });
  });

  it('pollingSource', async function () {
    this.timeout(30_000);
    await assertSourceContract(() => pollingSource({ url: server.restUrl, intervalMs: 100 }), queries, { ...quick, failingQuery: { metric: 'no_such_metric' } });
  });

  it('createSource over fetch', async function () {
    this.timeout(30_000);
    const make = () =>
      createSource(async (q, signal) => {
        const res = await fetch(`${server.restUrl}?${queryToParams(q)}`, { signal });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.json();
      }, { intervalMs: 100 });
    await assertSourceContract(make, queries, { ...quick, failingQuery: { metric: 'no_such_metric' } });
  });

  it('demoSource and staticSource (which answer unknown metrics empty: the error check is skipped)', async function () {
    this.timeout(30_000);
    await assertSourceContract(() => demoSource({ intervalMs: 50 }), queries, quick);
    const report = await assertSourceContract(() => staticSource({ revenue: [{ value: 1 }], agents: [{ name: 'A', value: 2 }] }), queries, quick);
    expect(outcome(report, 'errors surface as errors')).to.deep.equal(['skipped']);
    expect(report.summary).to.match(/^crm-pulse source contract: \d+ passed, 0 failed, 6 skipped/);
  });
});

const frame = (asOf = Date.now(), rows: MetricFrame['rows'] = [{ value: 1 }]): MetricFrame => ({ rows, asOf });

describe('runSourceContract: broken adapters fail with a message that says what to fix', () => {
  let server: CrmLabServer;
  before(async () => (server = await CrmLabServer.start({ intervalMs: 100 })));
  after(() => server.close());

  it('a socket left open after unsubscribe', async function () {
    this.timeout(20_000);
    const leaky: MetricSource = {
      query: () =>
        new Observable<MetricFrame>((s) => {
          const ws = new WebSocket(server.socketUrl);
          ws.onopen = () => s.next(frame());
          // no teardown: the socket stays open
        }),
    };
    const report = await runSourceContract(() => leaky, [queries[0]!], quick);
    expect(report.ok).to.equal(false);
    expect(failed(report).join('\n')).to.contain('unsubscribe releases the connection: after unsubscribing, 150 ms later, still open: a WebSocket to ws://127.0.0.1');
  });

  it('a fetch not aborted on unsubscribe', async function () {
    this.timeout(20_000);
    await server.faults({ restDelayMs: 600 });
    try {
      const careless = createSource(async () => {
        await fetch(`${server.restUrl}?metric=revenue`); // no signal passed
        return frame();
      });
      const slowFirst: MetricSource = { query: (q) => new Observable<MetricFrame>((s) => (s.next(frame()), careless.query(q).subscribe(s))) };
      const report = await runSourceContract(() => slowFirst, [queries[0]!], { ...quick, watchMs: 50 });
      expect(failed(report).join('\n')).to.contain('still open: a fetch of http://127.0.0.1');
    } finally {
      await server.faults({ restDelayMs: 0 });
    }
  });

  it('asOf that goes back, and frames of the wrong shape', async () => {
    const backwards: MetricSource = { query: () => of(frame(2e12), frame(1.9e12)) };
    const report = await runSourceContract(() => backwards, [queries[0]!], quick);
    expect(failed(report)).to.include('asOf never goes back: frame 2 has asOf 1900000000000, before the previous frame\'s 2000000000000');

    const shapes: Array<[unknown, string]> = [
      [{ rows: 'x', asOf: 2e12 }, 'frame.rows must be an array'],
      [{ rows: [{ value: { amount: 1 } }], asOf: 2e12 }, 'frame.rows[0].value is {"amount":1}; cells must be a string, a number, a boolean or null'],
      [{ rows: [], asOf: 1_700_000_000 }, 'looks like seconds'],
      [{ rows: [] }, 'frame.asOf must be epoch milliseconds, got undefined'],
      [{ rows: [], asOf: 2e12, fields: [{ name: 'v', type: 'money' }] }, 'frame.fields[0] needs a name and a type'],
    ];
    for (const [bad, message] of shapes) {
      const r = await runSourceContract(() => ({ query: () => of(bad as MetricFrame) }), [queries[0]!], { ...quick, watchMs: 10 });
      expect(failed(r).join('\n')).to.contain(message);
    }
  });

  it('a query() that connects before anyone subscribes', async () => {
    const eager: MetricSource = {
      query: () => {
        const ws = new WebSocket(server.socketUrl);
        return new Observable<MetricFrame>((s) => (s.next(frame()), () => ws.close()));
      },
    };
    const report = await runSourceContract(() => eager, [queries[0]!], quick);
    expect(failed(report)[0]).to.contain('query() is lazy: query() connected before anyone subscribed (1 connection(s))');
  });

  it('failures that throw, answer empty, or never come', async function () {
    this.timeout(20_000);
    const ok = () => of(frame());
    const throws: MetricSource = { query: (q) => { if (q.metric === 'nope') throw new Error('unknown'); return ok(); } };
    const empty: MetricSource = { query: () => of(frame(Date.now(), [])) };
    const silent: MetricSource = { query: (q) => (q.metric === 'nope' ? new Observable<MetricFrame>() : ok()) };
    const notAnError: MetricSource = { query: (q) => (q.metric === 'nope' ? throwError(() => 'bad') : ok()) };
    const run = (s: MetricSource) => runSourceContract(() => s, [queries[0]!], { ...quick, timeoutMs: 300, failingQuery: { metric: 'nope' } });
    expect(failed(await run(throws))).to.deep.equal(['errors surface as errors: query() threw (unknown); return an observable that errors instead, e.g. throwError(() => error)']);
    expect(failed(await run(empty))[0]).to.contain('instead of an error');
    expect(failed(await run(silent))[0]).to.contain('neither errored nor emitted within 300 ms');
    expect(failed(await run(notAnError))[0]).to.contain('errored with "bad"; error with an Error');
  });

  it('a source that never emits fails "emits a well-formed frame" and skips what needs frames', async () => {
    const report = await runSourceContract(() => ({ query: () => new Observable<MetricFrame>() }), [queries[0]!], { ...quick, timeoutMs: 200 });
    expect(failed(report)).to.deep.equal(['emits a well-formed frame: no frame within 200 ms']);
    expect(outcome(report, 'identical queries share')).to.deep.equal([]);
  });

  it('assertSourceContract throws the summary, one line per check', async () => {
    const error = await assertSourceContract(() => ({ query: () => of(frame(2e12), frame(1e12)) }), [queries[0]!], quick).catch((e: Error) => e);
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/^crm-pulse source contract: \d+ passed, 1 failed, 6 skipped\n/);
    expect((error as Error).message).to.contain('✗ asOf never goes back {"metric":"revenue","range":"this_quarter"}: frame 2');
  });

  it('a bad status() is reported', async () => {
    const report = await runSourceContract(() => ({ query: () => of(frame()), status: () => of({ state: 'maybe' } as unknown as SourceStatus) }), [queries[0]!], quick);
    expect(failed(report)[0]).to.contain('status() reports a state: status() must emit its current state on subscribe');
  });
});

/** The lab server's failure modes for each transport, as the kit's `faults` switch; false where it has none. */
const NORMAL: LabFaults = { failNext: 0, retryAfter: null, streamStatus: 0, streamCloseAtOnce: false, socketCloseCode: 0, socketRefuse: 0 };
const FAULTS: Record<string, Partial<Record<SourceFault, LabFaults | false>>> = {
  rest: { unauthorized: { failNext: 1e6, failStatus: 401 }, unavailable: { failNext: 1e6, failStatus: 503 }, 'rate-limited': { failNext: 1e6, failStatus: 429, retryAfter: 1 }, 'accept-then-close': false },
  sse: { unauthorized: { streamStatus: 401 }, unavailable: { streamStatus: 503 }, 'rate-limited': { streamStatus: 429, retryAfter: 1 }, 'accept-then-close': { streamCloseAtOnce: true } },
  ws: { unauthorized: { socketCloseCode: 4401 }, unavailable: { socketRefuse: 503 }, 'rate-limited': false, 'accept-then-close': { socketCloseCode: 1011 } },
};
const faultsOf = (server: CrmLabServer, transport: keyof typeof FAULTS) => async (fault: SourceFault) => {
  const faults = fault === 'none' ? NORMAL : FAULTS[transport]![fault];
  if (faults === false || faults === undefined) return false;
  await server.faults({ ...NORMAL, ...faults });
  return true;
};
const checks = (r: ContractReport) => Object.fromEntries(r.results.map((x) => [x.check, x.outcome]));

describe('runSourceContract: how a source behaves when its server does not', () => {
  let server: CrmLabServer;
  // A quiet CRM (nothing changes for a minute) with a heartbeat every 300 ms.
  before(async () => (server = await CrmLabServer.start({ intervalMs: 60_000, heartbeatMs: 300 })));
  after(() => server.close());
  const resilient = { ...quick, resilienceMs: 3000, confirmWithinMs: 500 };

  it('pollingSource: 401 stops, 5xx and 429 are retried (Retry-After honoured), 304s confirm', async function () {
    this.timeout(60_000);
    const report = await runSourceContract(() => pollingSource({ url: server.restUrl, intervalMs: 100 }), [queries[0]!], { ...resilient, faults: faultsOf(server, 'rest') });
    expect(failed(report)).to.deep.equal([]);
    expect(checks(report)).to.deep.include({ '401 stops, with the reason': 'passed', '5xx is retried with backoff': 'passed', '429 waits for Retry-After': 'passed', 'accept-then-close is backed off': 'skipped', 'confirms unchanged data': 'passed' });
  });

  it('sseSource: every check, heartbeats confirming', async function () {
    this.timeout(60_000);
    const report = await runSourceContract(() => sseSource({ url: server.streamUrl }), [queries[0]!], { ...resilient, faults: faultsOf(server, 'sse') });
    expect(failed(report)).to.deep.equal([]);
    expect(checks(report)).to.deep.include({ '401 stops, with the reason': 'passed', '5xx is retried with backoff': 'passed', '429 waits for Retry-After': 'passed', 'accept-then-close is backed off': 'passed', 'confirms unchanged data': 'passed' });
  });

  it('webSocketSource: 4401 stops, a refused upgrade is retried, accept-then-close is backed off, pings confirm', async function () {
    this.timeout(60_000);
    const report = await runSourceContract(() => webSocketSource({ url: server.socketUrl }), [queries[0]!], { ...resilient, faults: faultsOf(server, 'ws') });
    expect(failed(report)).to.deep.equal([]);
    expect(checks(report)).to.deep.include({ '401 stops, with the reason': 'passed', 'accept-then-close is backed off': 'passed', '429 waits for Retry-After': 'skipped', 'confirms unchanged data': 'passed' });
  });

  it('an adapter that hides the status in its message, and one that never confirms, fail with what to fix', async function () {
    this.timeout(60_000);
    const naive = () =>
      createSource(async (q, signal) => {
        const res = await fetch(`${server.restUrl}?${queryToParams(q)}`, { signal });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.json();
      }, { intervalMs: 100 });
    const faults = faultsOf(server, 'rest');
    const report = await runSourceContract(naive, [queries[0]!], { ...resilient, faults: (f) => (f === 'unauthorized' || f === 'none' ? faults(f) : false) });
    expect(failed(report).join('\n')).to.contain('401 stops, with the reason: it errored with Error: HTTP 401, which is retryable');
    const once: MetricSource = { query: () => new Observable<MetricFrame>((s) => s.next(frame())) };
    const silent = await runSourceContract(() => once, [queries[0]!], { ...quick, confirmWithinMs: 300 });
    expect(failed(silent).join('\n')).to.contain('confirms unchanged data: no frame with a newer asOf within 950 ms');
  });
});
