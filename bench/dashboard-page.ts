import type { CrmDashboard, DashboardConfig } from '../src/dashboard.js';
import type { CrmStateEvent } from '../src/events/crm-state.js';
import { demoSource } from '../src/demo.js';
// The package entry a page would import: it defines <crm-dashboard>, which loads each widget's
// module the first time its config places one (chunks of their own in this split build).
import '../src/dashboard.js';

/**
 * The page of `bench/dashboard-open.js`: a 12-widget dashboard from a config on the simulated CRM,
 * timed from its insertion until every widget is `ready`, and from a range change until every
 * widget is `ready` again.
 */

/** Six KPIs, a funnel, campaign ROI, two leaderboards, a forecast and a records table: the demo page's kinds. */
export const BENCH_CONFIG: DashboardConfig = {
  title: 'Sales & service overview',
  range: 'this_quarter',
  widgets: [
    { type: 'kpi', id: 'revenue', metric: 'revenue', thresholds: '0:Behind, 1000000:On track', x: 0, y: 0, w: 2, h: 3 },
    { type: 'kpi', id: 'pipeline', metric: 'pipeline_value', x: 2, y: 0, w: 2, h: 3 },
    { type: 'kpi', id: 'win-rate', metric: 'win_rate', x: 4, y: 0, w: 2, h: 3 },
    { type: 'kpi', id: 'new-leads', metric: 'new_leads', x: 6, y: 0, w: 2, h: 3 },
    { type: 'kpi', id: 'open-cases', metric: 'open_cases', positive: 'down', x: 8, y: 0, w: 2, h: 3 },
    { type: 'kpi', id: 'csat', metric: 'csat', label: 'CSAT', x: 10, y: 0, w: 2, h: 3 },
    { type: 'funnel', id: 'funnel', metric: 'funnel', label: 'Pipeline by stage', x: 0, y: 3, w: 6, h: 5 },
    { type: 'campaign-roi', id: 'campaigns', metric: 'campaigns', label: 'Campaign ROI', 'metric-columns': 'leads,opportunities,won', x: 6, y: 3, w: 6, h: 5 },
    { type: 'forecast', id: 'forecast', metric: 'forecast', label: 'Forecast by channel', x: 0, y: 8, w: 6, h: 5 },
    { type: 'leaderboard', id: 'sales-reps', metric: 'revenue', label: 'Revenue by rep', team: 'Sales', limit: 5, format: 'currency', currency: 'EUR', x: 6, y: 8, w: 3, h: 5 },
    { type: 'leaderboard', id: 'agents', metric: 'agents', label: 'Tickets resolved by agent', team: 'Service', limit: 5, x: 9, y: 8, w: 3, h: 5 },
    { type: 'records', id: 'open-deals', metric: 'funnel_records', label: 'Open opportunities', sort: 'amount:desc', currency: 'EUR', x: 0, y: 13, w: 12, h: 5 },
  ],
};

/** What one timed phase reports. */
export interface PhaseResult {
  /** From the insertion (or the range change) until the last widget turned `ready`. */
  readyMs: number;
  /** Until the frame that shows the last widget's data was painted. */
  paintedMs: number;
  /** Long tasks (over 50 ms) that overlapped the phase: how many, the longest, and the time beyond 50 ms of each, summed (blocking time). */
  longTasks: number;
  longestTaskMs: number;
  blockingMs: number;
  /** The state each widget ended in (all `ready` when nothing went wrong). */
  states: Record<string, number>;
  widgets: number;
}

/** What the runner calls through `page.evaluate`. */
export interface DashboardBenchApi {
  open(): Promise<PhaseResult>;
  changeRange(range: string): Promise<PhaseResult>;
  close(): void;
}

declare global {
  interface Window {
    dashboardBench: DashboardBenchApi;
  }
}

const SETTLED = new Set(['ready', 'empty', 'error']);
const TIMEOUT_MS = 30_000;
let dashboard: CrmDashboard | null = null;

const widgetsOf = (board: CrmDashboard) => [...(board.shadowRoot?.querySelectorAll<HTMLElement>('[data-widget-id]') ?? [])];
/** Resolves after the next frame has been painted (a task queued in an animation frame runs after its paint). */
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Times one phase: `start()` runs at t0 (inserting the dashboard, or changing its range); the phase
 * ends when every widget has turned `ready` (or another settled state). With `reload`, every widget
 * must first have gone back to `loading`: widgets update in animation frames under a shared budget,
 * so some may still show the old period, `ready`, while others already show the new one.
 */
function timePhase(board: CrmDashboard, reload: boolean, start: () => void): Promise<PhaseResult> {
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const reloading = new Set<EventTarget>();
  const settled = new Map<EventTarget, string>();
  return new Promise<PhaseResult>((resolve, reject) => {
    let t0 = 0;
    let readyAt = 0;
    const timeout = setTimeout(() => finish(new Error(`not every widget was ready after ${TIMEOUT_MS} ms: ${JSON.stringify(statesNow())}`)), TIMEOUT_MS);
    const statesNow = () => widgetsOf(board).map((w) => `${w.dataset.widgetId}:${w.getAttribute('state')}`);
    const allSettled = () => {
      const widgets = widgetsOf(board);
      return widgets.length === BENCH_CONFIG.widgets.length && widgets.every((w) => SETTLED.has(w.getAttribute('state') ?? '') && (reload ? reloading.has(w) && settled.has(w) : !reloading.has(w) || settled.has(w)));
    };
    const onState = (event: CrmStateEvent) => {
      const widget = event.composedPath()[0]!;
      if (event.detail.state === 'loading') {
        reloading.add(widget);
        settled.delete(widget);
      } else if (SETTLED.has(event.detail.state)) settled.set(widget, event.detail.state);
      if (!readyAt && allSettled()) {
        // The last widget turned ready in this update; its data is painted at the end of this frame.
        readyAt = performance.now();
        void afterNextPaint().then(() => finish(null));
      }
    };
    const finish = async (error: Error | null) => {
      clearTimeout(timeout);
      board.removeEventListener('crm-state', onState);
      const paintedAt = performance.now();
      if (error) {
        observer.disconnect();
        return reject(error);
      }
      // Long-task entries are reported after their task: give the last one time to arrive.
      await new Promise((r) => setTimeout(r, 100));
      tasks.push(...observer.takeRecords());
      observer.disconnect();
      const during = tasks.filter((t) => t.startTime + t.duration > t0 && t.startTime < paintedAt);
      const states: Record<string, number> = {};
      for (const w of widgetsOf(board)) states[w.getAttribute('state') ?? 'none'] = (states[w.getAttribute('state') ?? 'none'] ?? 0) + 1;
      resolve({
        readyMs: readyAt - t0,
        paintedMs: paintedAt - t0,
        longTasks: during.length,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
        blockingMs: during.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
        states,
        widgets: widgetsOf(board).length,
      });
    };
    board.addEventListener('crm-state', onState);
    t0 = performance.now();
    start();
  });
}

window.dashboardBench = {
  open() {
    dashboard?.remove();
    const board = document.createElement('crm-dashboard');
    board.source = demoSource({ seed: 42, intervalMs: 1500 });
    board.config = BENCH_CONFIG;
    dashboard = board;
    return timePhase(board, false, () => document.body.append(board));
  },
  changeRange(range) {
    const board = dashboard!;
    return timePhase(board, true, () => (board.range = range));
  },
  close() {
    dashboard?.remove();
    dashboard = null;
  },
};
