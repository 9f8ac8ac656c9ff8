import { NEVER, type Observable } from 'rxjs';
import { type MetricFrame, type MetricQuery, type MetricSource, demoSource, registerSource } from '../src/index.js';

/** The demo CRM, changing every 1.5 s; "Pause data" swaps in a source that goes silent. */
const live = demoSource({ seed: 42, intervalMs: 1500 });
let paused = false;
const pausable: MetricSource = {
  query: (q: MetricQuery): Observable<MetricFrame> => (paused ? NEVER : live.query(q)),
};
registerSource('crm', pausable);

const tiles = () => document.querySelectorAll('crm-kpi');
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
  registerSource('crm', { query: (q) => pausable.query(q) });
  for (const tile of tiles()) tile.staleAfter = paused ? 5000 : 60_000;
});

for (const tile of tiles()) tile.range = 'this_quarter';

document.addEventListener('crm-drilldown', (e) => {
  e.preventDefault(); // the demo shows the event instead of navigating
  const { metric, value, href } = e.detail;
  $('log').textContent = `crm-drilldown: ${metric} = ${value}${href ? ` → ${href}` : ''}`;
});
