/**
 * node bench/leaderboard-fps.js [--rows 50] [--rate 10] [--seconds 6] [--scenario demo|shuffle] [--reduced-motion] [--profile]
 *
 * Frame rate of one live <crm-leaderboard> in headless Chromium: `--rows` agents, `--rate`
 * frames per second. `demo` (default) changes values the way the demo CRM does: on each update
 * every agent has a one-in-four chance to close a few more tickets, so neighbours overtake one
 * another now and then. `shuffle` is a stress case: six agents jump up or down by up to 60 on
 * every update, so a dozen rows move each time (FLIP moves, counting values, badges). Counts animation frames over the
 * window, the 95th-percentile frame interval, long tasks, main-thread busy time and renders, and
 * compares with the same page without updates (the browser's own ceiling). `--profile` also
 * prints where the main thread spent its time. It reports; it never fails on a figure. Environment: CHROME_PATH (else Debian's Chromium).
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '50' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '6' },
    scenario: { type: 'string', default: 'demo' },
    'reduced-motion': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const ROWS = Number(opts.rows);
const RATE = Number(opts.rate);
const SECONDS = Number(opts.seconds);
const CHROME = process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The page: one leaderboard fed by a seeded source; `window.bench` drives it from here. */
const PAGE = `
import { Observable } from 'rxjs';
// The define module, which package.json lists as having side effects.
import '../src/widgets/leaderboard/define.ts';

const random = (() => { let s = 42; return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32); })();
const agents = Array.from({ length: ${ROWS} }, (_, i) => ({ id: 'a' + i, name: 'Agent ' + (i + 1) + ' ' + 'Example', team: i % 2 ? 'Sales' : 'Service', avatar: '', value: 100 + Math.round(random() * 200) }));
let timer = 0, updates = 0, renders = 0;
const subscribers = new Set();
const emit = () => { updates++; const rows = agents.map((a) => ({ ...a })); for (const s of subscribers) s.next({ rows, asOf: Date.now() }); };
const source = { query: () => new Observable((s) => { subscribers.add(s); s.next({ rows: agents.map((a) => ({ ...a })), asOf: Date.now() }); return () => subscribers.delete(s); }) };

const el = document.createElement('crm-leaderboard');
Object.assign(el, { source, metric: 'agents', limit: ${ROWS}, highlight: 'a7', label: 'Tickets resolved' });
const render = el.render.bind(el);
el.render = () => { renders++; return render(); };
document.body.append(el);

window.bench = {
  ready: () => el.getAttribute('state') === 'ready',
  start() {
    timer = setInterval(() => {
      if (${JSON.stringify(opts.scenario)} === 'shuffle') {
        // A few agents gain or lose enough to pass many neighbours: a dozen rows move on every update.
        for (let k = 0; k < 6; k++) { const a = agents[Math.floor(random() * agents.length)]; a.value += Math.round((random() - 0.35) * 60); }
      } else {
        // As the demo CRM: each agent may close a few tickets; close neighbours overtake now and then.
        for (const a of agents) if (random() < 0.25) a.value += 1 + Math.floor(random() * 4);
      }
      emit();
    }, 1000 / ${RATE});
  },
  stop() { clearInterval(timer); },
  measure(ms) {
    return new Promise((resolve) => {
      const stamps = [], tasks = [];
      const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
      observer.observe({ type: 'longtask' });
      const u0 = updates, r0 = renders, t0 = performance.now();
      const frame = (now) => {
        stamps.push(now);
        if (now - t0 < ms) return requestAnimationFrame(frame);
        observer.disconnect();
        const intervals = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
        const seconds = (stamps.at(-1) - stamps[0]) / 1000;
        resolve({
          fps: (stamps.length - 1) / seconds,
          p95FrameMs: intervals[Math.floor(intervals.length * 0.95)] ?? 0,
          longTasks: tasks.length,
          longestTaskMs: Math.max(0, ...tasks),
          updates: updates - u0,
          renders: renders - r0,
          seconds,
        });
      };
      requestAnimationFrame(frame);
    });
  },
};
`;

const bundle = await build({
  stdin: { contents: PAGE, resolveDir: 'bench', loader: 'ts', sourcefile: 'leaderboard-fps-page.ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['production'],
  tsconfig: 'tsconfig.json',
  write: false,
});

const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: FLAGS, defaultViewport: { width: 900, height: Math.max(800, ROWS * 44 + 200) } });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  if (opts['reduced-motion']) await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.setContent('<!doctype html><html lang="en"><body style="margin:16px;font-family:system-ui"></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
  await page.waitForFunction(() => window.bench?.ready(), { timeout: 10_000 });
  const cdp = await page.createCDPSession();
  // Thread CPU time, not wall time: what the page costs, however busy the rest of the machine is.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

  const idle = await page.evaluate((ms) => window.bench.measure(ms), 2000);
  await page.evaluate(() => window.bench.start());
  await new Promise((r) => setTimeout(r, 1000)); // warm-up
  if (opts.profile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  const before = await metrics();
  const live = await page.evaluate((ms) => window.bench.measure(ms), SECONDS * 1000);
  const after = await metrics();
  const profile = opts.profile ? (await cdp.send('Profiler.stop')).profile : null;
  // Seconds of main-thread time per second of wall time, by kind of work.
  const share = (name) => (after[name] - before[name]) / live.seconds;
  await page.evaluate(() => window.bench.stop());

  const f = (n, d = 1) => n.toFixed(d);
  console.log(`<crm-leaderboard> ${ROWS} rows, ${RATE} updates/s, ${opts.scenario}${opts['reduced-motion'] ? ', reduced motion' : ''} — ${await browser.version()}`);
  console.log(`  idle page:   ${f(idle.fps)} fps (the browser's ceiling here)`);
  console.log(`  live:        ${f(live.fps)} fps, p95 frame ${f(live.p95FrameMs)} ms, ${live.longTasks} long tasks (longest ${f(live.longestTaskMs, 0)} ms)`);
  console.log(`               ${live.updates} updates and ${live.renders} renders in ${f(live.seconds)} s; main-thread CPU ${f(share('ThreadTime') * 100, 0)} % of a core`);
  console.log(`               of which script ${f(share('ScriptDuration') * 100, 0)} %, style ${f(share('RecalcStyleDuration') * 100, 0)} %, layout ${f(share('LayoutDuration') * 100, 0)} %; renderer process CPU ${f(share('ProcessTime') * 100, 0)} %`);
  console.log(`               load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores while measuring`);
  if (profile) printProfile(profile);
} finally {
  await browser.close();
}

/** The functions with the most self time in a CPU profile. */
function printProfile({ nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map();
  samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log('  self time:');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
}
