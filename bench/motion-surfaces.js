/**
 * node bench/motion-surfaces.js [--runs 3] [--seconds 4] [--motion 100]
 *
 * What a frame of motion costs the main thread, by the surface that moves, with nothing else on
 * the page: 24 tiles of 6 bars each, new values for every tile once a second, drawn over four
 * animation frames (as the page's beat and the per-frame budget draw a dashboard's updates), each
 * bar moving to its new length in `--motion` ms. Surfaces:
 *   none    SVG rects that jump to the new length (no motion): the cost of the updates alone
 *   svg     SVG rects whose `width` the browser transitions (how the chart widgets move today)
 *   html    HTML bars whose `transform: scaleX()` the browser transitions (the leaderboard's and
 *           the KPI's bars); on these machines such transitions run on the main thread too
 *   canvas  one canvas per tile, redrawn by one shared requestAnimationFrame tween
 *   svg-canvas  the SVG rects jump to the new length (kept as the geometry of record) while the
 *           canvas over them draws the move: the design a widget would ship
 * A research tool for choosing how widgets move, not a test: it prints main-thread ms per second
 * (each run traced in headless Chromium), and what motion adds to `none`.
 * Environment: CHROME_PATH (else Debian's Chromium), BENCH_PORT (default 5602).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';

const { values: opts } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '4' }, motion: { type: 'string', default: '100' } },
});
const SURFACES = ['none', 'svg', 'html', 'canvas', 'svg-canvas'];
const PORT = Number(process.env.BENCH_PORT ?? 5602);
const CHROME = process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>motion surfaces</title><style>
body{margin:0;display:grid;grid-template-columns:repeat(6,1fr);gap:8px;padding:8px;font:12px system-ui}
.tile{height:240px;border:1px solid #ddd;border-radius:8px;padding:8px;position:relative;contain:content}
.plot{position:absolute;inset:32px 8px 8px 8px}
svg,canvas{position:absolute;inset:0;width:100%;height:100%}
rect{fill:#2f6fde}
.moves{transition:width var(--motion) cubic-bezier(.65,0,.35,1)}
.none .moves,.svg-canvas .moves{transition:none}
.bar{position:absolute;left:0;height:24px;width:200px;background:#2f6fde;transform-origin:left center;transition:transform var(--motion) cubic-bezier(.65,0,.35,1)}
</style></head><body><script type="module">
const params = new URLSearchParams(location.search);
const surface = params.get('surface');
const MOTION = Number(params.get('motion'));
document.body.style.setProperty('--motion', MOTION + 'ms');
document.body.classList.add(surface);
const TILES = 24, BARS = 6, W = 200, H = 200;
const ease = (t) => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);
const moving = new Set();
let ticking = false;
const tick = (now) => {
  ticking = false;
  for (const tile of moving) {
    tile.paint(tile.at(now));
    if (now - tile.start >= MOTION) moving.delete(tile);
  }
  if (moving.size) kick();
};
const kick = () => { if (!ticking) { ticking = true; requestAnimationFrame(tick); } };
const tiles = Array.from({ length: TILES }, (_, t) => {
  const el = document.createElement('div');
  el.className = 'tile';
  el.innerHTML = '<b>Tile ' + t + '</b><div class="plot"></div>';
  document.body.append(el);
  const plot = el.querySelector('.plot');
  const start = Array.from({ length: BARS }, () => Math.random());
  let svgTile;
  if (surface === 'svg-canvas' || surface === 'none' || surface === 'svg') svgTile = svgBars(plot, start);
  if (surface === 'canvas' || surface === 'svg-canvas') {
    const canvas = document.createElement('canvas');
    canvas.width = W * devicePixelRatio;
    canvas.height = H * devicePixelRatio;
    plot.append(canvas);
    const ctx = canvas.getContext('2d');
    ctx.scale(devicePixelRatio, devicePixelRatio);
    const tile = {
      from: start, to: start, start: 0,
      at(now) { const p = Math.min(1, (now - this.start) / MOTION); return this.from.map((f, i) => f + (this.to[i] - f) * ease(p)); },
      paint(values) { ctx.clearRect(0, 0, W, H); ctx.fillStyle = '#2f6fde'; values.forEach((v, i) => ctx.fillRect(0, i * 30, v * W, 24)); },
      draw(values) { const now = performance.now(); this.from = this.at(now); this.to = values; this.start = now; svgTile?.draw(values); moving.add(this); kick(); },
    };
    tile.paint(start);
    return tile;
  }
  if (surface === 'html') {
    const bars = start.map((v, i) => { const bar = document.createElement('div'); bar.className = 'bar'; bar.style.top = i * 30 + 'px'; bar.style.transform = 'scaleX(' + v + ')'; plot.append(bar); return bar; });
    return { draw: (values) => values.forEach((v, i) => (bars[i].style.transform = 'scaleX(' + v + ')')) };
  }
  return svgTile;
});
function svgBars(plot, start) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const rects = start.map((v, i) => {
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('class', 'moves');
    rect.setAttribute('y', String(i * 30));
    rect.setAttribute('height', '24');
    rect.setAttribute('width', String(v * W));
    svg.append(rect);
    return rect;
  });
  plot.append(svg);
  return { draw: (values) => values.forEach((v, i) => rects[i].setAttribute('width', String(v * W))) };
}
// The beat: every tile gets new values once a second, six tiles per animation frame.
setInterval(() => {
  let next = 0;
  const frame = () => {
    for (let n = 0; n < 6 && next < TILES; n++, next++) tiles[next].draw(Array.from({ length: BARS }, () => Math.random()));
    if (next < TILES) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}, 1000);
// As the dashboard benchmark's fps probe does, a frame callback in every frame.
const probe = () => requestAnimationFrame(probe);
probe();
</script></body></html>`;

const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)).listen(PORT);
const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], defaultViewport: { width: 1440, height: 1000 } });
const results = Object.fromEntries(SURFACES.map((s) => [s, []]));
const version = await browser.version();
try {
  for (let run = 0; run < Number(opts.runs); run++) {
    for (const surface of SURFACES) results[surface].push(await measure(surface));
  }
} finally {
  await browser.close();
  server.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const none = median(results.none);
console.log(`24 tiles × 6 bars, new values once a second over 4 frames, ${opts.motion} ms motion · ${version} · ${opts.runs} runs of ${opts.seconds} s, interleaved`);
console.log('surface    main thread ms/s (median)  runs                      motion adds');
for (const surface of SURFACES) {
  const m = median(results[surface]);
  const runs = results[surface].map((x) => x.toFixed(1)).join(', ');
  console.log(`${surface.padEnd(10)} ${m.toFixed(1).padStart(23)}  ${runs.padEnd(24)}  ${surface === 'none' ? '—' : `${(m - none).toFixed(1)} ms/s`}`);
}

/** Main-thread ms per second of one surface: a trace of the renderer's main thread. */
async function measure(surface) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/?surface=${surface}&motion=${Number(opts.motion)}`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await new Promise((resolve) => setTimeout(resolve, Number(opts.seconds) * 1000));
  const { traceEvents } = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
  await page.close();
  const mains = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map();
  for (const e of traceEvents) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'RunTask' && mains.has(thread)) busy.set(thread, (busy.get(thread) ?? 0) + e.dur);
  }
  // The page's renderer is the busiest one (the browser may keep an idle renderer around).
  return Math.max(0, ...busy.values()) / 1000 / Number(opts.seconds);
}
