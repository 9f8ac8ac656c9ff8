/**
 * Several runs of the benchmark as one report. A shared machine makes single runs differ by ±15 %;
 * each row of the combined table is the run with the median main-thread time per update (so its
 * figures belong together), and `spread` keeps each row's range across runs.
 */
export function combineRuns(samples) {
  if (samples.length === 1) return samples[0];
  const [first] = samples;
  const libraries = first.libraries.map((library, l) => {
    const all = samples.map((s) => s.libraries[l]);
    const firstRenders = all.flatMap((lib) => lib.firstRenderRunsMs);
    const combined = {
      ...library,
      firstRenderMs: median(firstRenders),
      firstRenderRunsMs: firstRenders,
      runs: library.runs.map((_, r) => medianRun(all.map((lib) => lib.runs[r]))),
      background: medianRun(all.map((lib) => lib.background), 'busyPercent'),
    };
    if (library.reducedMotionRuns) combined.reducedMotionRuns = library.reducedMotionRuns.map((_, r) => medianRun(all.map((lib) => lib.reducedMotionRuns[r])));
    return combined;
  });
  return { ...first, repeats: samples.length, harness: medianRun(samples.map((s) => s.harness), 'busyPercent'), libraries };
}

/** The run with the median `key`, with every run's range of the figures that vary most. */
function medianRun(runs, key = 'msPerUpdate') {
  const sorted = [...runs].sort((a, b) => (a[key] ?? 0) - (b[key] ?? 0));
  const picked = sorted[Math.floor((sorted.length - 1) / 2)];
  const range = (field) => [Math.min(...runs.map((r) => r[field])), Math.max(...runs.map((r) => r[field]))];
  return { ...picked, spread: { msPerUpdate: range('msPerUpdate'), busyPercent: range('busyPercent'), fps: range('fps'), longTasks: range('longTasks') } };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
