/**
 * node bench/dashboard-open.js [--repeat 5] [--range this_month] [--throttle 1] [--screenshot file.png] [--serve]
 *
 * Opening a `<crm-dashboard>` of 12 widgets (six KPIs, a funnel, campaign ROI, two leaderboards, a
 * forecast and a records table) from a config on the simulated CRM (`demoSource`), in headless
 * Chromium, against a production build of bench/dashboard-page.ts (minified, split like an app's
 * build: each widget's module is a chunk the dashboard loads the first time its config places one).
 *
 * Each run is a fresh page and times three phases, from the moment the page acts until every widget
 * is `ready` (and until that frame is painted), with the long tasks (over 50 ms) meanwhile:
 *   open     the dashboard is inserted: widget chunks load, widgets are defined, query and render
 *   range    `dashboard.range = 'this_month'` (--range): every widget asks again and renders
 *   reopen   the dashboard is removed and a new one inserted on the same page (modules loaded)
 * Prints each run, then the median and range per phase, and a one-line summary.
 *
 *   --repeat N        runs (default 5)
 *   --range R         the range the second phase switches to (default this_month)
 *   --throttle N      slows the CPU N times (4: a low-end laptop); default 1
 *   --screenshot F    saves a PNG of the dashboard after the first run's range change
 *   --serve           only build and serve the page (window.dashboardBench.open() in the console)
 * A benchmark, not a test: it reports, it never fails on a figure. Environment: CHROME_PATH (else
 * Debian's Chromium), BENCH_PORT (default: any free port).
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';

const { values: opts } = parseArgs({
  options: {
    repeat: { type: 'string', default: '5' },
    range: { type: 'string', default: 'this_month' },
    throttle: { type: 'string', default: '1' },
    screenshot: { type: 'string' },
    serve: { type: 'boolean', default: false },
  },
});
const REPEAT = Math.max(1, Number(opts.repeat) || 5);
const THROTTLE = Math.max(1, Number(opts.throttle) || 1);
const CHROME = process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHASES = ['open', 'range', 'reopen'];
/** Tall enough that every widget is in view: the records table draws its rows only where they can be seen. */
const VIEWPORT = { width: 1440, height: 1600 };

const files = await buildPage();
const server = await serve(files);
const origin = `http://127.0.0.1:${server.address().port}`;
if (opts.serve) {
  console.log(`serving ${origin}/ — window.dashboardBench.open() in the console opens the dashboard; Ctrl-C stops`);
  await new Promise(() => {});
}

const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: FLAGS, defaultViewport: VIEWPORT });
try {
  const size = Object.values(files).reduce((sum, f) => sum + f.text.length, 0);
  console.log(`<crm-dashboard>, 12 widgets from a config on demoSource — ${await browser.version()}, ${os.cpus().length} cores (load ${os.loadavg()[0].toFixed(2)}), CPU ×${THROTTLE}`);
  console.log(`production build: ${Object.keys(files).length} files, ${(size / 1024).toFixed(0)} KiB minified; ${REPEAT} runs, each in a fresh page\n`);
  const runs = [];
  for (let i = 1; i <= REPEAT; i++) {
    const run = await measureRun(i === 1 ? opts.screenshot : undefined);
    runs.push(run);
    console.log(`  run ${i}: ${PHASES.map((p) => `${p} ${describe(run[p])}`).join(' · ')}`);
  }
  console.log('');
  const summary = {};
  for (const phase of PHASES) {
    const of = (key) => stats(runs.map((r) => r[phase][key]));
    summary[phase] = { ready: of('readyMs'), painted: of('paintedMs'), longTasks: of('longTasks'), longest: of('longestTaskMs'), blocking: of('blockingMs'), busy: of('busyMs') };
    const s = summary[phase];
    console.log(
      `  ${phase.padEnd(6)}  all ready ${fmt(s.ready)} ms, painted ${fmt(s.painted)} ms; long tasks ${fmt(s.longTasks)}, longest ${fmt(s.longest)} ms, blocking ${fmt(s.blocking)} ms; main thread busy ${fmt(s.busy)} ms`,
    );
  }
  const notReady = runs.flatMap((r) => PHASES.filter((p) => (r[p].states.ready ?? 0) !== r[p].widgets).map((p) => `${p}: ${JSON.stringify(r[p].states)}`));
  if (notReady.length) console.log(`\n  not every widget ended ready: ${notReady.join('; ')}`);
  const tasks = (phase) => {
    const counts = runs.map((r) => r[phase].longTasks);
    const none = counts.filter((n) => n === 0).length;
    if (none === runs.length) return 'no long task';
    const longest = Math.round(Math.max(...runs.map((r) => r[phase].longestTaskMs)));
    const some = none ? `no long task in ${none} of ${runs.length} runs` : `${stats(counts).median} long task${stats(counts).median === 1 ? '' : 's'} (median)`;
    return `${some}, at most ${Math.max(...counts)}, the longest ${longest} ms`;
  };
  const o = summary.open.ready;
  const r = summary.range.ready;
  const chromium = (await browser.version()).replace(/^\w+\//, 'Chromium ').replace(/\.\d+\.\d+\.\d+$/, '');
  console.log(
    `\nSummary: a 12-widget dashboard from a config on demoSource, all widgets ready ${o.median} ms after insertion (${o.min}–${o.max}; ${tasks('open')}); ` +
      `a range change to ${opts.range}, all ready again in ${r.median} ms (${r.min}–${r.max}; ${tasks('range')}); ` +
      `a second dashboard on the same page, its modules loaded, ${summary.reopen.ready.median} ms (${summary.reopen.ready.min}–${summary.reopen.ready.max}) — medians of ${REPEAT} fresh pages, ` +
      `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${chromium}${THROTTLE > 1 ? `, CPU ×${THROTTLE}` : ''}.`,
  );
} finally {
  await browser.close();
  server.close();
}

/** One fresh page: open, range change, reopen; each phase with the main-thread time the browser counted. */
async function measureRun(screenshot) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'warn' && console.error(`  page warning: ${message.text()}`));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.dashboardBench);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const phase = async (call) => {
    const before = await taskSeconds(cdp);
    const result = await call();
    return { ...result, busyMs: (await taskSeconds(cdp)) - before };
  };
  const run = {};
  run.open = await phase(() => page.evaluate(() => window.dashboardBench.open()));
  run.range = await phase(() => page.evaluate((range) => window.dashboardBench.changeRange(range), opts.range));
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`  (screenshot after the range change: ${screenshot})`);
  }
  run.reopen = await phase(() => page.evaluate(() => window.dashboardBench.open()));
  await page.close();
  return run;
}

/** Main-thread task time so far, in ms (includes the time between phases' page.evaluate calls: a few ms). */
async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

/**
 * The page bundled as an app would ship it: production conditions, minified, split into chunks
 * (the dashboard's widget modules are dynamic imports). Files by their URL path.
 */
async function buildPage() {
  const result = await build({
    entryPoints: { 'dashboard-page': 'bench/dashboard-page.ts' },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: './tsconfig.json',
    outdir: 'bench-out',
    write: false,
    logLevel: 'error',
  });
  return Object.fromEntries(result.outputFiles.map((f) => [`/${f.path.split('/').pop()}`, f]));
}

function serve(built) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bench: dashboard open</title>
<style>body{margin:16px;font:14px system-ui,sans-serif}</style>
<script type="module" src="/dashboard-page.js"></script></head><body></body></html>`;
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname === '/') return void res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(html);
    const file = built[pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(file.text);
  });
  const port = Number(process.env.BENCH_PORT ?? 0);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function describe(p) {
  const tasks = p.longTasks ? `${p.longTasks} long (longest ${round(p.longestTaskMs)})` : '0 long';
  return `${round(p.readyMs)} ms (${tasks})`;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: round(sorted[Math.floor(sorted.length / 2)]), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
}

/** `median (min–max)`, or just the median when every run gave it. */
function fmt({ median, min, max }) {
  return min === max ? `${median}` : `${median} (${min}–${max})`;
}

function round(n) {
  return Math.round(n);
}
