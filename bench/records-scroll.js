/**
 * node bench/records-scroll.js [--rows 10000] [--runs 3] [--throttle 1]
 *
 * `<crm-records>` with many rows in headless Chromium: scrolls the table to a quarter, half,
 * three quarters and the end, a few frames apart, and reports the long tasks (over 50 ms) seen
 * meanwhile, the longest task, and how many rows were in the DOM. `--throttle 4` slows the CPU
 * four times (a low-end laptop). A benchmark, not a test: it reports, it never fails on a figure.
 * Environment: CHROME_PATH (else Debian's Chromium).
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';

const { values: opts } = parseArgs({
  options: { rows: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' }, throttle: { type: 'string', default: '1' } },
});
const CHROME = process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const PAGE = `
import './src/widgets/records/define.ts';
import { staticSource } from './src/data/static-source.ts';

const OWNERS = ['Priya Nair', 'Li Wei', 'Hannah Schmidt', 'Sofia Rossi', 'Elif Yılmaz'];
const STAGES = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won'];
const frames = (n) => new Promise((resolve) => { const step = () => (n-- > 0 ? requestAnimationFrame(step) : resolve()); requestAnimationFrame(step); });

window.bench = {
  async scroll(count) {
    document.body.replaceChildren();
    const rows = Array.from({ length: count }, (_, i) => ({ id: 'r' + i, name: 'Record ' + (i + 1), owner: OWNERS[i % 5], stage: STAGES[i % 5], amount: (i * 7919) % 250000, closeDate: Date.UTC(2026, 0, 1) + i * 3600000 }));
    const el = document.createElement('crm-records');
    Object.assign(el, { source: staticSource({ r: rows }), metric: 'r', currency: 'EUR' });
    el.style.cssText = 'display:block;width:800px;height:480px';
    document.body.append(el);
    await new Promise((resolve) => { const check = () => (el.state === 'ready' ? resolve() : setTimeout(check, 20)); check(); });
    await frames(5);
    const tasks = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
    observer.observe({ type: 'longtask' });
    const body = el.shadowRoot.querySelector('.body');
    let most = 0;
    for (let step = 1; step <= 4; step++) {
      body.scrollTop = (body.scrollHeight * step) / 4;
      await frames(3);
      most = Math.max(most, el.shadowRoot.querySelectorAll('[role=row]').length);
    }
    await frames(5);
    observer.disconnect();
    return { longTasks: tasks.length, longest: Math.round(Math.max(0, ...tasks)), rowsInDom: most };
  },
};
`;

const bundle = await build({
  stdin: { contents: PAGE, resolveDir: '.', loader: 'ts', sourcefile: 'records-page.ts' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['production'],
  tsconfig: 'tsconfig.json',
  write: false,
  logLevel: 'warning',
});
const script = bundle.outputFiles[0].text;
const server = createServer((req, res) => {
  if (req.url === '/page.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
  res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><body></body><script type="module" src="/page.js"></script>');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: FLAGS });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 700 });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.bench);
  if (Number(opts.throttle) > 1) await (await page.createCDPSession()).send('Emulation.setCPUThrottlingRate', { rate: Number(opts.throttle) });
  console.log(`<crm-records>, ${opts.rows} rows, scrolled in four jumps to the end (CPU ×${opts.throttle}):`);
  for (let run = 1; run <= Number(opts.runs); run++) {
    const r = await page.evaluate((n) => window.bench.scroll(n), Number(opts.rows));
    console.log(`  run ${run}: ${r.longTasks} long tasks, longest task ${r.longest} ms, at most ${r.rowsInDom} rows in the DOM`);
  }
} finally {
  await browser.close();
  server.close();
}
