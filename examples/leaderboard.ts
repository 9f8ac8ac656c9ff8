import { type MetricQuery, type MetricSource, registerSource, staticSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
import '../src/leaderboard.js';

/** The demo CRM; "10 updates/s" swaps in a fast one (the frame rate the benchmark measures). */
const slow = demoSource({ seed: 42, intervalMs: 1500 });
const fast = demoSource({ seed: 42, intervalMs: 100 });
let current: MetricSource = slow;
registerSource('crm', { query: (q: MetricQuery) => current.query(q) });

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const boards = () => document.querySelectorAll('crm-leaderboard');

$<HTMLElementTagNameMap['crm-leaderboard']>('ties').source = staticSource({
  ties: [
    { id: 'a', name: 'Ana Ortiz', value: 10 },
    { id: 'b', name: 'Ben Okafor', value: 20 },
    { id: 'c', name: 'Chloé Martin', value: 20 },
    { id: 'd', name: 'Dev Patel', value: 5 },
  ],
});

$<HTMLInputElement>('dark').addEventListener('change', (e) => {
  const dark = (e.target as HTMLInputElement).checked;
  document.documentElement.classList.toggle('dark', dark);
  for (const board of boards()) board.theme = dark ? 'dark' : 'light';
});
$<HTMLInputElement>('fast').addEventListener('change', (e) => {
  current = (e.target as HTMLInputElement).checked ? fast : slow;
  registerSource('crm', { query: (q: MetricQuery) => current.query(q) });
});

document.addEventListener('crm-drilldown', (e) => {
  e.preventDefault(); // the demo shows the event instead of navigating
  const { row, value } = e.detail;
  $('log').textContent = `crm-drilldown: ${String(row.name)} (${String(row.id)}) = ${value}`;
});
