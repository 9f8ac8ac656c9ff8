/** The benchmark's table and its targets (issue: performance budgets), from the results object. */

const SIXTY_FPS = { minFps: 58, maxP95Ms: 1.25 * (1000 / 60) };

/** Each target with what was measured and whether it is met. */
export function targetChecks({ libraries, dashboard }) {
  const crm = libraries.find((l) => l.name === 'crm-pulse');
  const echarts = libraries.find((l) => l.name === 'echarts');
  const [low, high] = [crm.runs[0], crm.runs[crm.runs.length - 1]];
  const checks = [
    [`${low.rate}/s: main thread ≤ 20 % busy`, `${low.busyPercent} %`, low.busyPercent <= 20],
    [`${low.rate}/s: 60 fps (≥ ${SIXTY_FPS.minFps} fps, p95 frame ≤ ${SIXTY_FPS.maxP95Ms.toFixed(1)} ms)`, `${low.fps.toFixed(1)} fps, p95 ${low.p95FrameMs.toFixed(1)} ms`, low.fps >= SIXTY_FPS.minFps && low.p95FrameMs <= SIXTY_FPS.maxP95Ms],
    [`${low.rate}/s: no long task`, `${low.longTasks}`, low.longTasks === 0],
    [`${high.rate}/s: ≤ 1 render per widget per frame`, `max ${high.maxRendersPerWidgetFrame}`, high.maxRendersPerWidgetFrame <= 1],
    [`${high.rate}/s: no long task`, `${high.longTasks}`, high.longTasks === 0],
    ...crm.runs.map((run, i) => {
      const ratio = echarts.runs[i].msPerUpdate / run.msPerUpdate;
      return [`${run.rate}/s: ≥ 3× less main-thread time per update than ECharts`, `${ratio.toFixed(1)}×`, ratio >= 3];
    }),
    [`first render of ${dashboard.widgets} widgets ≤ 150 ms`, `${crm.firstRenderMs} ms`, crm.firstRenderMs <= 150],
    ['background tab: no rendering work', `${crm.background.renders} renders, ${crm.background.frames} frames (${crm.background.visibility})`, crm.background.renders === 0 && crm.background.frames === 0],
  ];
  return checks.map(([target, measured, met]) => ({ target, measured, met }));
}

export function printReport({ date, machine, chromium, dashboard, harness, libraries, targets }) {
  const kinds = dashboard.kinds.map((k) => `${dashboard.perKind} × ${k}`).join(', ');
  console.log(`\n${dashboard.widgets} widgets (${kinds}) · ${chromium} · ${machine.cores} cores (${machine.cpu}) · load ${machine.loadAverage.join(' ')} · ${date}\n`);
  const header = ['dashboard', 'rate', 'updates', 'ms/update', 'busy', 'wall busy', 'fps', 'p95 frame', 'long tasks', 'renders/widget/frame'];
  const rows = [row('harness only', harness)];
  const rates = libraries[0].runs.map((r) => r.rate);
  for (const [i] of rates.entries()) {
    for (const lib of libraries) {
      rows.push(row(lib.name, lib.runs[i]));
      if (lib.reducedMotionRuns) rows.push(row(`${lib.name}, reduced motion`, lib.reducedMotionRuns[i]));
    }
  }
  printTable(header, rows);

  const crm = libraries.find((l) => l.name === 'crm-pulse');
  const echarts = libraries.find((l) => l.name === 'echarts');
  console.log('\nECharts ÷ crm-pulse, main-thread time per update: ' + crm.runs.map((r, i) => `${r.rate}/s ${(echarts.runs[i].msPerUpdate / r.msPerUpdate).toFixed(1)}×`).join(', '));
  if (libraries[0].runs[0].spread) {
    console.log('\neach row: the run with the median ms/update; across runs:');
    for (const lib of libraries) {
      const sets = [[lib.name, lib.runs], ...(lib.reducedMotionRuns ? [[`${lib.name}, reduced motion`, lib.reducedMotionRuns]] : [])];
      for (const [name, runs] of sets) {
        console.log(`  ${name}: ` + runs.map((r) => `${r.rate}/s ${r.spread.msPerUpdate.map((v) => v.toFixed(1)).join('–')} ms, ${r.spread.busyPercent.map((v) => v.toFixed(0)).join('–')} % busy, ${r.spread.longTasks.join('–')} long tasks`).join('; '));
      }
    }
  }
  console.log(`first render (median of ${libraries[0].firstRenderRunsMs.length}): ${libraries.map((l) => `${l.name} ${l.firstRenderMs} ms [${l.firstRenderRunsMs.join(', ')}]`).join(', ')}`);
  console.log(
    `background tab (${crm.background.rate}/s, ${crm.background.seconds.toFixed(0)} s hidden): ` +
      libraries.map((l) => `${l.name} ${l.background.busyPercent} % busy, ${l.background.frames} frames${l.background.renders === null ? '' : `, ${l.background.renders} renders`}`).join('; '),
  );
  const traced = libraries.filter((l) => l.phases);
  if (traced.length) {
    const phases = Object.keys(traced[0].phases.perUpdate);
    console.log(`\nmain thread per update by phase, ms (a trace of ${traced[0].phases.seconds} s at ${traced[0].phases.rate}/s; tracing adds ~10–20 %):`);
    printTable(['dashboard', ...phases, 'total'], traced.map((l) => [l.name, ...phases.map((p) => l.phases.perUpdate[p].toFixed(2)), l.phases.total.toFixed(2)]));
  }
  console.log('\ntargets:');
  for (const t of targets) console.log(`  ${t.met ? 'met ' : 'MISS'}  ${t.target}: ${t.measured}`);
}

function row(name, run) {
  const renders = run.rendersPerWidgetFrame === null || run.rendersPerWidgetFrame === undefined ? '—' : `${run.rendersPerWidgetFrame.toFixed(2)} (max ${run.maxRendersPerWidgetFrame})`;
  return [
    name,
    `${run.rate}/s`,
    String(run.updates),
    run.msPerUpdate === null ? '—' : run.msPerUpdate.toFixed(3),
    `${run.busyPercent.toFixed(1)} %`,
    `${run.wallBusyPercent.toFixed(1)} %`,
    run.fps.toFixed(1),
    `${run.p95FrameMs.toFixed(1)} ms`,
    run.longTasks ? `${run.longTasks} (max ${Math.round(run.longestTaskMs)} ms)` : '0',
    renders,
  ];
}

function printTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
