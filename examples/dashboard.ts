import { NEVER, type Observable, type Subscription } from 'rxjs';
import { type MetricFrame, type MetricQuery, type MetricSource, registerSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
import type { SourceStatus } from '../src/data/types.js';
import type { CrmMetricElement } from '../src/widgets/shared/crm-metric-element.js';
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
/** Reconnect quickly in the demo, so a restarted server shows up within seconds. */
const backoff = { initialDelay: 500, maxDelay: 5000 };
const TRANSPORTS = {
  demo: { label: 'In-page demo', make: () => demoSource({ seed: 42, intervalMs: 1500 }) },
  rest: { label: 'REST polling', make: () => pollingSource({ url: `${server}/api/metrics`, intervalMs: 2000, backoff }) },
  sse: { label: 'Server-Sent Events', make: () => sseSource({ url: `${server}/api/stream`, backoff }) },
  ws: { label: 'WebSocket', make: () => webSocketSource({ url: `${server}/api/ws`, backoff }) },
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
  });

/** Every widget on the page: the controls apply to all of them. */
const tiles = () => document.querySelectorAll<CrmMetricElement<unknown>>('crm-kpi, crm-funnel, crm-campaign-roi, crm-leaderboard, crm-forecast, crm-records');
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

$<HTMLSelectElement>('range').addEventListener('change', (e) => {
  for (const tile of tiles()) tile.range = (e.target as HTMLSelectElement).value;
});
$<HTMLSelectElement>('lang').addEventListener('change', (e) => {
  document.documentElement.lang = (e.target as HTMLSelectElement).value;
  for (const tile of tiles()) tile.requestUpdate();
});
$<HTMLInputElement>('dark').addEventListener('change', (e) => {
  const dark = (e.target as HTMLInputElement).checked;
  document.documentElement.classList.toggle('dark', dark);
  for (const tile of tiles()) tile.theme = dark ? 'dark' : 'light';
});
$<HTMLInputElement>('pause').addEventListener('change', (e) => {
  paused = (e.target as HTMLInputElement).checked;
  // Re-registering makes every widget resubscribe: to a silent source while paused.
  register();
  for (const tile of tiles()) tile.staleAfter = paused ? 5000 : 60_000;
});

for (const tile of tiles()) tile.range = 'this_quarter';

/** The filter that picks the records behind a drilled mark, by the kind of widget it came from. */
function recordsFilter(tag: string, row: Readonly<Record<string, unknown>>): Record<string, string> {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  if (tag === 'crm-funnel') return { stage: text(row.stage) };
  if (tag === 'crm-campaign-roi') return { campaign: text(row.campaign) };
  if (tag === 'crm-leaderboard') return { owner: text(row.id ?? row.name) };
  if (tag === 'crm-forecast') return { channel: text(row.channel ?? row.group), category: text(row.category) };
  return {};
}

const records = document.querySelector('crm-records')!;
document.addEventListener('crm-drilldown', (e) => {
  e.preventDefault(); // the demo shows the event instead of navigating
  const { metric, value, href, row } = e.detail;
  $('log').textContent = `crm-drilldown: ${metric} = ${value} ${JSON.stringify(row)}${href ? ` → ${href}` : ''}`;
  const origin = e.composedPath()[0] instanceof Element ? (e.target as Element) : null;
  if (!origin || origin === records) return;
  // Drill from the overview to the records behind the mark, below.
  const filters = Object.fromEntries(Object.entries(recordsFilter(origin.localName, row)).filter(([, v]) => v !== ''));
  records.metric = `${metric}_records`;
  records.filters = filters;
  records.label = Object.values(filters).length ? `Records: ${Object.values(filters).join(' · ')}` : `Records: ${metric}`;
  $('records-hint').textContent = `Behind ${origin.getAttribute('label') ?? metric}. Click another mark to change.`;
  $('records-section').scrollIntoView({ behavior: 'smooth', block: 'start' });
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
