import { Feed } from './feed.js';
import { KINDS, type Kind, framesFor } from './frames.js';
import { Probe, type WindowStats } from './probe.js';

/** One tile of the dashboard: what it shows and which of the feed's streams it listens to. */
export interface WidgetSpec {
  kind: Kind;
  metric: string;
  label: string;
}

/** A dashboard implementation: crm-pulse widgets, or the same charts in another library. */
export interface Dashboard {
  /** Kinds this dashboard can show on this page. */
  kinds(): Kind[];
  /** Creates one tile per spec in `grid`, bound to the feed; resolves after the first paint that shows every tile's data. */
  mount(grid: HTMLElement, widgets: WidgetSpec[], feed: Feed, probe: Probe): Promise<void>;
}

/** What the runner calls through `page.evaluate`. */
export interface BenchApi {
  kinds(): Kind[];
  /** Builds the dashboard; returns ms from creating the tiles to the first paint with all data. */
  mount(kinds: Kind[], perKind: number): Promise<number>;
  start(rate: number): void;
  stop(): void;
  begin(): void;
  end(): WindowStats;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}

/** Puts `window.bench` on the page for the given dashboard. */
export function exposeBench(dashboard: Dashboard): void {
  const probe = new Probe();
  let feed: Feed | undefined;
  window.bench = {
    kinds: () => dashboard.kinds(),
    async mount(kinds, perKind) {
      const widgets = kinds.flatMap((kind) =>
        Array.from({ length: perKind }, (_, i): WidgetSpec => ({ kind, metric: `${kind}-${i + 1}`, label: `${title(kind)} ${i + 1}` })),
      );
      feed = new Feed(new Map(widgets.map((w, i) => [w.metric, framesFor(w.kind, i)])));
      const grid = document.createElement('main');
      grid.className = 'grid';
      const started = performance.now();
      document.body.append(grid);
      await dashboard.mount(grid, widgets, feed, probe);
      return performance.now() - started;
    },
    start: (rate) => feed!.start(rate),
    stop: () => feed!.stop(),
    begin: () => probe.begin(feed!.delivered),
    end: () => probe.end(feed!.delivered),
  };
  // For a look by hand: ?kinds=kpi,funnel&rate=24 mounts six of each and starts the feed.
  const params = new URLSearchParams(location.search);
  const kinds = params.get('kinds');
  if (kinds) {
    void window.bench.mount(kinds.split(',') as Kind[], 6).then(() => window.bench.start(Number(params.get('rate') ?? 24)));
  }
}

/** The kinds whose element is defined on this page. */
export function definedKinds(): Kind[] {
  return (Object.keys(KINDS) as Kind[]).filter((kind) => customElements.get(KINDS[kind]));
}

/**
 * Resolves after the rendering of the frame in progress, when called from an animation-frame
 * callback (a task queued there runs after that frame's paint).
 */
export function afterThisFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

/** Resolves after the next frame has been painted. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

function title(kind: Kind): string {
  return kind.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => (dash ? ' ' : '') + c.toUpperCase());
}
