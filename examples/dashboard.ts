import { NEVER, type Observable, type Subscription } from 'rxjs';
import { type MetricFrame, type MetricQuery, type MetricSource, registerSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
import type { SourceStatus } from '../src/data/types.js';
import type { CrmMetricElement } from '../src/widgets/shared/crm-metric-element.js';
import type { CrmDashboard } from '../src/dashboard.js';
import { graphqlWsSource } from '../src/data/graphql-ws-source.js';
import { pollingSource } from '../src/data/polling-source.js';
import { sseSource } from '../src/data/sse-source.js';
import { webSocketSource } from '../src/data/websocket-source.js';

/**
 * Where the data comes from: the in-page demo CRM, or the reference CRM server
 * (`node examples/crm-server/main.js`, started by `npm start`) over REST polling, Server-Sent
 * Events or a WebSocket. `?server=http://host:port` points at another server, `?transport=` picks one.
 */
const params = new URLSearchParams(location.search);
const server = params.get('server') ?? 'http://127.0.0.1:8787';
/** What the server can answer, for the dashboard's "Add widget". */
const catalog = `${server}/api/catalog`;
/** The reference server's generic subscription: any metric, the frame as the widgets read it. */
const GRAPHQL_METRIC = `subscription Metric($metric: String!, $dimensions: [String!], $filters: JSON, $range: String, $compare: String, $limit: Int) {
  metric(metric: $metric, dimensions: $dimensions, filters: $filters, range: $range, compare: $compare, limit: $limit) { rows fields { name type unit label } asOf }
}`;
/** The GraphQL transport lists the same metrics as the others (the server's REST catalog). */
const withCatalog = (source: MetricSource): MetricSource => ({ ...source, query: source.query.bind(source), ...(source.status ? { status: source.status.bind(source) } : {}), catalog: () => fetch(catalog).then((r) => r.json()) });
/** Reconnect quickly in the demo, so a restarted server shows up within seconds. */
const backoff = { initialDelay: 500, maxDelay: 5000 };
const TRANSPORTS = {
  demo: { label: 'In-page demo', make: () => demoSource({ seed: 42, intervalMs: 1500 }) },
  rest: { label: 'REST polling', make: () => pollingSource({ url: `${server}/api/metrics`, intervalMs: 2000, backoff, catalog }) },
  sse: { label: 'Server-Sent Events', make: () => sseSource({ url: `${server}/api/stream`, backoff, catalog }) },
  ws: { label: 'WebSocket', make: () => webSocketSource({ url: `${server}/api/ws`, backoff, catalog }) },
  graphql: { label: 'GraphQL subscriptions', make: () => withCatalog(graphqlWsSource({ url: `${server.replace(/^http/, 'ws')}/graphql`, document: GRAPHQL_METRIC, backoff })) },
} satisfies Record<string, { label: string; make: () => MetricSource }>;
type Transport = keyof typeof TRANSPORTS;

let live: MetricSource = TRANSPORTS.demo.make();
let paused = false;
/** Registered as `crm`: the live source, or silence while "Pause data" is on. It passes the live
 * source's connection status on, so tiles go stale when the server goes away. */
const register = () =>
  registerSource('crm', {
    query: (q: MetricQuery): Observable<MetricFrame> => (paused ? NEVER : live.query(q)),
    ...(live.status ? { status: live.status.bind(live) } : {}),
    ...(live.catalog ? { catalog: live.catalog.bind(live) } : {}),
  });

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const dashboard = $<CrmDashboard>('dashboard');
/** The widgets the dashboard placed, and any on the page besides. */
const tiles = () => [...(dashboard.shadowRoot?.querySelectorAll<CrmMetricElement<unknown>>('[data-widget-id]') ?? []), ...document.querySelectorAll<CrmMetricElement<unknown>>('crm-kpi, crm-funnel, crm-campaign-roi, crm-leaderboard, crm-forecast, crm-records')];

$<HTMLSelectElement>('lang').addEventListener('change', (e) => {
  const lang = (e.target as HTMLSelectElement).value;
  document.documentElement.lang = lang;
  dashboard.locale = lang;
});
/** The page follows the dashboard's theme: the system's, or the one picked. */
const theme = $<HTMLSelectElement>('theme');
theme.addEventListener('change', () => {
  const value = theme.value as 'auto' | 'light' | 'dark';
  dashboard.theme = value;
  document.documentElement.dataset['theme'] = value;
});
$<HTMLInputElement>('pause').addEventListener('change', (e) => {
  paused = (e.target as HTMLInputElement).checked;
  // Re-registering makes every widget resubscribe: to a silent source while paused.
  register();
  for (const tile of tiles()) tile.staleAfter = paused ? 5000 : 60_000;
});

/** What reached the host: the dashboard handles drill-downs itself, and the page shows them. */
document.addEventListener('crm-drilldown', (e) => {
  const { metric, value, filters } = e.detail;
  $('log').textContent = `crm-drilldown: ${metric} = ${value ?? '—'} · filters ${JSON.stringify(filters)}${e.defaultPrevented ? ' (handled by the dashboard)' : ''}`;
  // A record's link leads into the CRM, which this demo does not have.
  e.preventDefault();
});
dashboard.addEventListener('crm-config-change', (e) => {
  $('log').textContent = `crm-config-change: ${e.detail.config.widgets.length} widgets, range ${e.detail.config.range ?? '—'} (saved in this browser)`;
});

/** The "Data" picker and the connection badge, added to the page's controls. */
const picker = document.createElement('select');
picker.id = 'transport';
for (const [value, { label }] of Object.entries(TRANSPORTS)) picker.add(new Option(label, value));
const pickerLabel = document.createElement('label');
pickerLabel.append('Data ', picker);
const badge = document.createElement('span');
badge.id = 'link-status';
badge.setAttribute('role', 'status');
document.querySelector('.controls')?.prepend(pickerLabel, badge);
document.documentElement.dataset['theme'] = 'auto';

const LINK_WORDS: Record<SourceStatus['state'], string> = {
  idle: 'idle',
  connecting: 'connecting…',
  open: 'live',
  reconnecting: 'reconnecting…',
  closed: 'server ended the stream',
};
let statusWatch: Subscription | undefined;
function use(transport: Transport): void {
  picker.value = transport;
  live = TRANSPORTS[transport].make();
  register();
  statusWatch?.unsubscribe();
  badge.textContent = transport === 'demo' ? '● simulated in the page' : '';
  badge.title = '';
  badge.style.color = '';
  statusWatch = live.status?.().subscribe(({ state, error }) => {
    badge.textContent = `● ${LINK_WORDS[state]}`;
    badge.title = `${TRANSPORTS[transport].label} · ${server}${error ? ` · ${error}` : ''}`;
    // Colour is a second cue: the words say it too.
    badge.style.color = state === 'open' ? '#1a7f37' : state === 'reconnecting' || state === 'closed' ? '#b42318' : '';
  });
}
picker.addEventListener('change', () => use(picker.value as Transport));

/** An explicit `?transport=` wins; otherwise the WebSocket when the server answers, else the in-page demo. */
async function initialTransport(): Promise<Transport> {
  const asked = params.get('transport');
  if (asked && asked in TRANSPORTS) return asked as Transport;
  try {
    const response = await fetch(`${server}/health`, { signal: AbortSignal.timeout(1500) });
    return response.ok ? 'ws' : 'demo';
  } catch {
    return 'demo';
  }
}
void initialTransport().then(use);
