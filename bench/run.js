/**
 * npm run bench [-- --seconds 6] [-- --rates 24,240] [-- --profile]
 *
 * A 24-widget dashboard (6 of each widget kind that exists) in headless Chromium, fed by one
 * source that pushes frames at a chosen total rate, measured against the same dashboard drawn with
 * ECharts on the same frames in the same run. Prints a table and writes bench/results/latest.json.
 * A benchmark, not a test: it reports, it never fails on a figure.
 *
 *   --seconds N   measuring window per rate (default 6, after 1 s of warm-up)
 *   --rates a,b   total updates per second (default 24,240)
 *   --kinds a,b   only these widget kinds (default: every kind whose element exists)
 *   --repeat N    measure N times and report, per row, the run with the median time per update
 *                 (ranges across runs go to the JSON and under the table); default 1
 *   --phases      also trace 5 s of each dashboard at the lowest rate and print main-thread time per
 *                 update by phase (script, style, layout, pre-paint, paint, layerize; bench/phases.js)
 *   --profile     also record a CPU profile of crm-pulse at the highest rate
 *                 (bench/results/crm-pulse.cpuprofile) and print the functions with the most self time
 *   --serve       only build and serve the pages, for a look or a trace in a browser:
 *                 /crm-pulse.html?kinds=kpi,funnel&rate=24 mounts and starts the feed (also /echarts.html)
 * Environment: CHROME_PATH (else Debian's Chromium), BENCH_PORT (default 5601).
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { combineRuns } from './combine.js';
import { tracePhases } from './phases.js';
import { printReport, targetChecks } from './report.js';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '6' },
    rates: { type: 'string', default: '24,240' },
    kinds: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
    phases: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(opts.seconds);
const RATES = opts.rates.split(',').map(Number);
const PER_KIND = 6;
const WARMUP_MS = 1000;
const PORT = Number(process.env.BENCH_PORT ?? 5601);
const CHROME = process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const scripts = await buildPages();
const server = await serve(scripts);
if (opts.serve) {
  console.log(`serving http://127.0.0.1:${PORT}/crm-pulse.html?kinds=kpi&rate=24 (and /echarts.html, /harness.html); Ctrl-C stops`);
  await new Promise(() => {});
}
const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: FLAGS, defaultViewport: { width: 1440, height: 1600 } });
const started = Date.now();
try {
  const samples = [];
  for (let i = 0; i < Math.max(1, Number(opts.repeat) || 1); i++) samples.push(await measureAll());
  const results = combineRuns(samples);
  const report = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((n) => +n.toFixed(2)), node: process.version, platform: `${os.type()} ${os.arch()}` },
    chromium: await browser.version(),
    ...results,
  };
  report.targets = targetChecks(report);
  printReport(report);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote bench/results/latest.json (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} finally {
  await browser.close();
  server.close();
}

/**
 * The three pages, bundled the way an app would ship them (production conditions, minified),
 * except that names are kept so that a CPU profile reads.
 */
async function buildPages() {
  // Every package entry that exists defines its element: the dashboard grows with each widget.
  const entries = readdirSync('src').filter((f) => /\.ts$/.test(f) && !/\.(d|test)\.ts$/.test(f));
  const pages = {
    'crm-pulse': [...entries.map((f) => `import '../src/${f}';`), "import './crm-page.ts';"].join('\n'),
    echarts: "import './echarts-page.ts';",
    harness: "import './baseline-page.ts';",
  };
  const scripts = {};
  for (const [name, contents] of Object.entries(pages)) {
    const result = await build({
      stdin: { contents, resolveDir: 'bench', loader: 'ts', sourcefile: `${name}-entry.ts` },
      bundle: true,
      minifyWhitespace: true,
      minifySyntax: true,
      format: 'esm',
      target: 'es2022',
      conditions: ['production'],
      define: { 'process.env.NODE_ENV': '"production"' },
      tsconfig: './tsconfig.json',
      plugins: [keepEntryImports()],
      write: false,
      logLevel: 'error',
    });
    scripts[name] = result.outputFiles[0].text;
  }
  return scripts;
}

/**
 * The entry's imports are there for their side effects (defining elements, exposing the bench),
 * but package.json's `sideEffects` list does not name bench/ or every entry: keep them anyway.
 */
function keepEntryImports() {
  return {
    name: 'keep-entry-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.importer !== '<stdin>' && !args.importer.endsWith('-entry.ts')) return undefined;
        if (args.pluginData === 'resolving') return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
        return { ...resolved, sideEffects: true };
      });
    },
  };
}

function serve(scripts) {
  const html = (name) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: ${name}</title>
<style>body{margin:8px;font:14px system-ui,sans-serif}.grid{display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:8px}.chart{height:200px}</style>
<script type="module" src="/${name}.js"></script></head><body></body></html>`;
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const name = pathname.replace(/^\//, '').replace(/\.(js|html)$/, '');
    if (!(name in scripts)) return res.writeHead(404).end();
    const js = pathname.endsWith('.js');
    res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html', 'cache-control': 'no-store' }).end(js ? scripts[name] : html(name));
  });
  return new Promise((resolve) => server.listen(PORT, '127.0.0.1', () => resolve(server)));
}

async function measureAll() {
  const kinds = (await discoverKinds()).filter((k) => !opts.kinds || opts.kinds.split(',').includes(k));
  if (!kinds.length) throw new Error('no crm-pulse widget is defined: nothing to measure');
  const libraries = [];
  const harness = await openDashboard('harness', kinds);
  const harnessRun = await measureRate(harness, Math.max(...RATES), 3);
  await harness.page.close();
  for (const name of ['crm-pulse', 'echarts']) {
    const firstRenders = [];
    let dashboard;
    for (let i = 0; i < 3; i++) {
      await dashboard?.page.close();
      dashboard = await openDashboard(name, kinds);
      firstRenders.push(dashboard.firstRenderMs);
    }
    const runs = [];
    for (const rate of RATES) runs.push(await measureRate(dashboard, rate, SECONDS));
    const phases = opts.phases ? await measurePhases(dashboard, Math.min(...RATES)) : undefined;
    const background = await measureHidden(dashboard, Math.min(...RATES), 4);
    if (opts.profile && name === 'crm-pulse') await profile(dashboard, Math.max(...RATES));
    const library = { name, firstRenderMs: median(firstRenders), firstRenderRunsMs: firstRenders.map(round1), runs, background, ...(phases ? { phases } : {}) };
    if (name === 'crm-pulse') {
      // How much of the cost is motion: the same dashboard for a user who asks for reduced motion.
      await dashboard.cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
      library.reducedMotionRuns = [];
      for (const rate of RATES) library.reducedMotionRuns.push(await measureRate(dashboard, rate, SECONDS));
    }
    await dashboard.page.close();
    libraries.push(library);
  }
  return { dashboard: { kinds, perKind: PER_KIND, widgets: kinds.length * PER_KIND }, harness: harnessRun, libraries };
}

async function discoverKinds() {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`[crm-pulse] ${error.message}`));
  await page.goto(`http://127.0.0.1:${PORT}/crm-pulse.html`);
  await page.waitForFunction(() => window.bench, { timeout: 10_000 });
  const kinds = await page.evaluate(() => window.bench.kinds());
  await page.close();
  return kinds;
}

async function openDashboard(name, kinds) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] ${error.message}`));
  await page.goto(`http://127.0.0.1:${PORT}/${name}.html`);
  await page.waitForFunction(() => window.bench, { timeout: 10_000 });
  // Thread time measures the work itself; wall time also counts the time a busy machine kept the
  // thread waiting, which is what frames and long tasks feel. Both are recorded.
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cdpWall = await page.createCDPSession();
  await cdpWall.send('Performance.enable', { timeDomain: 'timeTicks' });
  const firstRenderMs = await page.evaluate((k, n) => window.bench.mount(k, n), kinds, PER_KIND);
  return { name, page, cdp, cdpWall, firstRenderMs };
}

/** Main-thread time from the DevTools protocol over a window, with the page's own frame stats. */
async function measureWindow({ page, cdp, cdpWall }, seconds) {
  const [before, beforeWall] = [await metrics(cdp), await metrics(cdpWall)];
  await page.evaluate(() => window.bench.begin());
  await sleep(seconds * 1000);
  const stats = await page.evaluate(() => window.bench.end());
  const [after, afterWall] = [await metrics(cdp), await metrics(cdpWall)];
  const delta = (key) => after[key] - before[key];
  const wall = afterWall.Timestamp - beforeWall.Timestamp;
  const taskMs = delta('TaskDuration') * 1000;
  return {
    ...roundAll(stats),
    busyPercent: round1((delta('TaskDuration') / wall) * 100),
    wallBusyPercent: round1(((afterWall.TaskDuration - beforeWall.TaskDuration) / wall) * 100),
    msPerUpdate: stats.updates ? round3(taskMs / stats.updates) : null,
    mainThreadMs: { task: round1(taskMs), script: round1(delta('ScriptDuration') * 1000), layout: round1(delta('LayoutDuration') * 1000), style: round1(delta('RecalcStyleDuration') * 1000) },
  };
}

async function measureRate(dashboard, rate, seconds) {
  await dashboard.page.evaluate((r) => window.bench.start(r), rate);
  await sleep(WARMUP_MS);
  const result = await measureWindow(dashboard, seconds);
  await dashboard.page.evaluate(() => window.bench.stop());
  await sleep(300);
  return { rate, ...result };
}

/** Main-thread time per update by rendering phase, from a trace (see bench/phases.js). */
async function measurePhases(dashboard, rate) {
  await dashboard.page.evaluate((r) => window.bench.start(r), rate);
  await sleep(WARMUP_MS);
  const phases = await tracePhases(dashboard.page, 5);
  await dashboard.page.evaluate(() => window.bench.stop());
  await sleep(300);
  return { rate, ...phases };
}

/** The dashboard keeps receiving frames while another tab is in front. */
async function measureHidden(dashboard, rate, seconds) {
  await dashboard.page.evaluate((r) => window.bench.start(r), rate);
  await sleep(WARMUP_MS);
  const front = await browser.newPage();
  await front.bringToFront();
  await sleep(500);
  const visibility = await dashboard.page.evaluate(() => document.visibilityState);
  const result = await measureWindow(dashboard, seconds);
  await front.close();
  await dashboard.page.bringToFront();
  await dashboard.page.evaluate(() => window.bench.stop());
  return { rate, visibility, ...result };
}

async function profile({ page, cdp }, rate) {
  await page.evaluate((r) => window.bench.start(r), rate);
  await sleep(WARMUP_MS);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await sleep(4000);
  const { profile: cpuProfile } = await cdp.send('Profiler.stop');
  await page.evaluate(() => window.bench.stop());
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/crm-pulse.cpuprofile', JSON.stringify(cpuProfile));
  console.log(`\nCPU profile, crm-pulse at ${rate}/s, 4 s (bench/results/crm-pulse.cpuprofile); most self time:`);
  for (const [fn, ms] of selfTimes(cpuProfile).slice(0, 20)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${fn}`);
}

/** Self time per function (name and location) from a CDP CPU profile. */
function selfTimes({ nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const totals = new Map();
  samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
    totals.set(key, (totals.get(key) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.floor(sorted.length / 2)]);
}

function roundAll(stats) {
  return Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, typeof v === 'number' ? round3(v) : v]));
}

function round1(n) {
  return Math.round(n * 10) / 10;
}

function round3(n) {
  return Math.round(n * 1000) / 1000;
}
