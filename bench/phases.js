/**
 * Where a dashboard's main-thread time goes, by rendering phase: a Chromium trace of one measuring
 * window, each trace event's own time (its duration less the events nested in it) summed by phase
 * on the page's main thread, per data update delivered in the window.
 *
 * The figures are a trace's, so they run ~10–20 % above the untraced table (tracing costs time);
 * compare phases with each other and before/after a change, not with the table's ms/update.
 */

/** Trace event names by phase; everything else a task does is `other` (scheduling, GC, IPC, …). */
const PHASES = {
  script: ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'EventDispatch', 'v8.callFunction', 'v8.run', 'V8.GCScavenger', 'MajorGC', 'MinorGC', 'v8.evaluateModule'],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ScheduleStyleRecalculation', 'ParseAuthorStyleSheet'],
  layout: ['Layout', 'UpdateLayout'],
  prePaint: ['PrePaint'],
  paint: ['Paint', 'PaintImage'],
  layerize: ['Layerize', 'PaintArtifactCompositor::Update', 'Commit', 'UpdateLayer', 'UpdateLayerTree', 'LocalFrameView::pushPaintArtifactToCompositor'],
};
const PHASE_OF = new Map(Object.entries(PHASES).flatMap(([phase, names]) => names.map((name) => [name, phase])));

/** Traces `seconds` of the running dashboard; returns ms per update by phase. */
export async function tracePhases(page, seconds) {
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'] });
  await page.evaluate(() => window.bench.begin());
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { updates } = await page.evaluate(() => window.bench.end());
  const { traceEvents } = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
  const totals = ownTimeByPhase(traceEvents);
  const perUpdate = Object.fromEntries(Object.entries(totals).map(([phase, us]) => [phase, Math.round((us / 1000 / Math.max(1, updates)) * 100) / 100]));
  return { seconds, updates, perUpdate, total: Math.round(Object.values(perUpdate).reduce((a, b) => a + b, 0) * 100) / 100 };
}

/** Own time (µs) per phase on the page's main thread: the busiest renderer main thread. */
function ownTimeByPhase(events) {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map();
  for (const e of events) if (e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`)) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const complete = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = Object.fromEntries([...Object.keys(PHASES), 'other'].map((phase) => [phase, 0]));
  // A stack of open events: each event's own time is its duration less its direct children's.
  const stack = [];
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const done = stack.pop();
      totals[done.phase] += Math.max(0, done.dur - done.children);
    }
  };
  for (const e of complete) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.children += e.dur;
    // Other events inherit their parent's phase: time inside a rAF callback is script.
    const phase = PHASE_OF.get(e.name) ?? parent?.phase ?? 'other';
    stack.push({ end: e.ts + e.dur, dur: e.dur, children: 0, phase });
  }
  close(Number.POSITIVE_INFINITY);
  return totals;
}
