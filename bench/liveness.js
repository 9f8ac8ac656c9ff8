/**
 * node bench/liveness.js [--only burst,ws,auth,sse,confirm] [--root <checkout>]
 *
 * How the adapters and widgets behave against servers that misbehave, in headless Chromium, with
 * real servers on loopback (one Node process: the page's origin, and each hostile route on it):
 *
 *   burst    a 10,000-frame synchronous burst into 10 <crm-kpi> tiles on one query: the longest
 *            task, against the same loop with 10 no-op subscribers (what the loop itself costs)
 *   ws       WebSocket connection attempts in 20 s against a server that accepts and closes at once (1011)
 *   auth     REST requests in 15 s from 10 tiles (10 metrics) on pollingSource when every answer is 401
 *   sse      stream connections in 20 s to an SSE route that sends headers and then nothing
 *            (sseSource with silenceMs 5000: the watchdog should drop and reopen it)
 *   confirm  tiles shown stale after 5 s, 10 tiles with stale-after 1500 on pollingSource every
 *            250 ms, against a server that answers 304 Not Modified to every request after the first
 *
 * `--root` runs the same page against another checkout's `src/` (e.g. an older commit extracted with
 * `git archive`), so a change can be measured before and after. A benchmark, not a test: it reports,
 * it never fails on a figure. Environment: CHROME_PATH (else Debian's Chromium).
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { WebSocketServer } from 'ws';

const { values: opts } = parseArgs({
  options: {
    only: { type: 'string', default: 'burst,ws,auth,sse,confirm' },
    root: { type: 'string', default: '.' },
  },
});
const ONLY = new Set(opts.only.split(','));
const ROOT = resolve(opts.root);
const CHROME = process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The page: widgets and adapters from `<root>/src`, driven through `window.bench`. */
const PAGE = `
import { Observable } from 'rxjs';
import './src/widgets/kpi/define.ts';
import { pollingSource } from './src/data/polling-source.ts';
import { sseSource } from './src/data/sse-source.ts';
import { webSocketSource } from './src/data/websocket-source.ts';

const METRICS = ['revenue', 'pipeline_value', 'win_rate', 'new_leads', 'open_cases', 'csat', 'avg_handle_time', 'tickets_resolved', 'products_per_customer', 'avg_profit_per_customer'];
const tiles = (source, { sameQuery = false, staleAfter } = {}) => METRICS.map((metric) => {
  const el = document.createElement('crm-kpi');
  Object.assign(el, { source, metric: sameQuery ? 'revenue' : metric, label: metric });
  if (staleAfter) el.staleAfter = staleAfter;
  document.body.append(el);
  return el;
});
const clear = () => document.body.replaceChildren();
const frames = (i) => ({ rows: [{ value: 1000 + i, previous: 900, target: 2000 }], asOf: Date.now() });
const longestTaskDuring = async (work) => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  const t0 = performance.now();
  work();
  const loop = performance.now() - t0;
  // The renders that follow the burst run in the next animation frames.
  await new Promise((r) => setTimeout(r, 600));
  observer.disconnect();
  return { loopMs: loop, longestTaskMs: Math.max(loop, ...tasks) };
};

window.bench = {
  async burst() {
    const subscribers = new Set();
    const source = { query: () => new Observable((s) => { subscribers.add(s); s.next(frames(0)); return () => subscribers.delete(s); }) };
    // The loop itself: 10 subscribers that do nothing.
    const noop = [];
    for (let i = 0; i < 10; i++) noop.push(source.query().subscribe(() => {}));
    const loopOnly = await longestTaskDuring(() => { for (let i = 1; i <= 10000; i++) { const f = frames(i); for (const s of subscribers) s.next(f); } });
    noop.forEach((s) => s.unsubscribe());
    tiles(source, { sameQuery: true });
    await new Promise((r) => setTimeout(r, 500));
    const widgets = await longestTaskDuring(() => { for (let i = 1; i <= 10000; i++) { const f = frames(i); for (const s of subscribers) s.next(f); } });
    const shown = document.querySelector('crm-kpi').shadowRoot.querySelector('[part=value]')?.textContent;
    clear();
    return { loopOnly, widgets, shown };
  },
  ws() {
    tiles(webSocketSource({ url: '/hostile/accept-close' }), { sameQuery: true });
  },
  auth() {
    tiles(pollingSource({ url: '/hostile/unauthorized', intervalMs: 2000 }));
  },
  sse() {
    tiles(sseSource({ url: '/hostile/silent-stream', silenceMs: 5000 }), { sameQuery: true });
  },
  confirm() {
    tiles(pollingSource({ url: '/hostile/not-modified', intervalMs: 250 }), { staleAfter: 1500 });
  },
  states: () => [...document.querySelectorAll('crm-kpi')].map((el) => el.getAttribute('state')),
  notes: () => [...document.querySelectorAll('crm-kpi')].map((el) => el.shadowRoot.querySelector('[part~=stale]')?.textContent.replace(/\\s+/g, ' ').trim() ?? ''),
  clear,
};
`;

const bundle = await build({
  stdin: { contents: PAGE, resolveDir: ROOT, loader: 'ts', sourcefile: 'liveness-page.ts' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['production'],
  tsconfig: resolve(ROOT, 'tsconfig.json'),
  write: false,
  logLevel: 'warning',
});

const counts = { wsConnections: 0, unauthorized: 0, silentStreams: 0, notModified: 0, fullAnswers: 0 };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html lang="en"><body></body></html>');
  if (url.pathname === '/page.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle.outputFiles[0].text);
  if (url.pathname === '/hostile/unauthorized') {
    counts.unauthorized++;
    return void res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"INVALID_SESSION_ID"}');
  }
  if (url.pathname === '/hostile/silent-stream') {
    counts.silentStreams++;
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    return void res.flushHeaders();
  }
  if (url.pathname === '/hostile/not-modified') {
    if (req.headers['if-none-match'] === '"v1"') {
      counts.notModified++;
      return void res.writeHead(304, { ETag: '"v1"' }).end();
    }
    counts.fullAnswers++;
    return void res.writeHead(200, { 'Content-Type': 'application/json', ETag: '"v1"' }).end(JSON.stringify({ rows: [{ value: 42 }], asOf: Date.now() }));
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => {
    counts.wsConnections++;
    ws.close(1011, 'internal error');
  }),
);
await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: FLAGS });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const f = (n) => n.toFixed(0);
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(origin);
  await page.addScriptTag({ url: '/page.js', type: 'module' });
  await page.waitForFunction(() => window.bench !== undefined);
  console.log(`liveness against hostile servers — ${ROOT} — ${await browser.version()}`);

  if (ONLY.has('burst')) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await page.evaluate(() => window.bench.burst()));
    const median = (pick) => runs.map(pick).sort((a, b) => a - b)[1];
    const loop = median((r) => r.loopOnly.longestTaskMs);
    const widgets = median((r) => r.widgets.longestTaskMs);
    console.log(`  burst:   10,000 frames into 10 tiles: longest task ${f(widgets)} ms; the loop with no-op subscribers ${f(loop)} ms; added ${f(widgets - loop)} ms (median of 3; tiles show ${runs[0].shown})`);
  }
  if (ONLY.has('ws')) {
    counts.wsConnections = 0;
    await page.evaluate(() => window.bench.ws());
    await sleep(20_000);
    const attempts = counts.wsConnections;
    await page.evaluate(() => window.bench.clear());
    console.log(`  ws:      ${attempts} connection attempts in 20 s against accept-then-close (1011)`);
  }
  if (ONLY.has('auth')) {
    counts.unauthorized = 0;
    await page.evaluate(() => window.bench.auth());
    await sleep(15_000);
    const requests = counts.unauthorized;
    const notes = await page.evaluate(() => [window.bench.states()[0], document.querySelector('crm-kpi').shadowRoot.textContent.replace(/\s+/g, ' ').trim()]);
    await page.evaluate(() => window.bench.clear());
    console.log(`  auth:    ${requests} requests in 15 s from 10 tiles answered 401; first tile: ${notes[0]}, "${notes[1].slice(0, 90)}"`);
  }
  if (ONLY.has('sse')) {
    counts.silentStreams = 0;
    await page.evaluate(() => window.bench.sse());
    await sleep(20_000);
    const streams = counts.silentStreams;
    const states = await page.evaluate(() => window.bench.states());
    await page.evaluate(() => window.bench.clear());
    console.log(`  sse:     ${streams} connection(s) in 20 s to a stream that sends headers and then nothing; tiles ${[...new Set(states)].join(', ')}`);
  }
  if (ONLY.has('confirm')) {
    counts.notModified = 0;
    await page.evaluate(() => window.bench.confirm());
    await sleep(5000);
    const states = await page.evaluate(() => window.bench.states());
    await page.evaluate(() => window.bench.clear());
    console.log(`  confirm: ${states.filter((s) => s === 'stale').length} of 10 tiles stale after 5 s of 304s every 250 ms (stale-after 1500; ${counts.notModified} answers were 304)`);
  }
} finally {
  await browser.close();
  wss.close();
  server.closeAllConnections();
  server.close();
}
