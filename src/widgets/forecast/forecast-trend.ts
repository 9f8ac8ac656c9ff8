import type { Box } from '../../metrics/label-layout.js';
import { ticks } from '../../metrics/ticks.js';
import type { PlacedText, SceneMetrics } from '../shared/chart-text.js';
import type { ForecastMessages } from './forecast-messages.js';
import type { TrendPoint } from './forecast-model.js';
import type { ForecastView } from './forecast-view.js';

export interface TrendMark {
  time: number;
  x: number;
  y: number;
  /** Where closed is, under the call: the top of the closed area. */
  closedY: number;
  title: string;
  tip: string[];
  ariaLabel: string;
}

export interface TrendScene {
  plot: Box;
  points: TrendMark[];
  /** The call as a line, and closed as the area under it. */
  callLine: string;
  closedArea: string;
  /** The quota line's y; null without a quota. */
  quota: number | null;
  /** Grid lines at the value ticks. */
  grid: number[];
  /** The legend's samples of the call line and the closed area. */
  swatches: [Box, Box];
  texts: PlacedText[];
}

const path = (points: ReadonlyArray<readonly [number, number]>) => points.map(([x, y], i) => `${i ? 'L' : 'M'}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join('');

/**
 * The call (closed + commit) week by week against the quota line, with closed as the area under
 * it: whether the period is on its way to quota. The value axis starts at 0 and reaches the larger
 * of the highest call and the quota, so the quota line is always in view.
 */
export function trendScene(trend: readonly TrendPoint[], quota: number | null, view: ForecastView, locale: string, m: ForecastMessages, o: SceneMetrics): TrendScene {
  const { width, height, lineHeight: line, measure } = o;
  const max = Math.max(1, quota ?? 0, ...trend.map((p) => p.call)) * 1.05;
  const values = ticks(0, max, Math.max(2, Math.floor(height / (3 * line))));
  const left = Math.max(...values.map((v) => measure(view.short(v), false))) + 8;
  const top = line * 1.5 + 4;
  const plot = { x: left, y: top, width: Math.max(0, width - left - 2), height: Math.max(0, height - top - line - 4) };
  const times = trend.map((p) => p.time);
  const t0 = Math.min(...times);
  const span = Math.max(...times) - t0;
  const xOf = (t: number) => plot.x + (span ? ((t - t0) / span) * plot.width : plot.width / 2);
  const yOf = (v: number) => plot.y + plot.height - (Math.max(0, v) / max) * plot.height;
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const texts: PlacedText[] = values.map((v, i) => ({ id: `tick-${i}`, x: left - 6, y: yOf(v), text: view.short(v), anchor: 'end', cls: 'muted' }));
  const bottom = plot.y + plot.height + 4 + line / 2;
  // Dates under the first and the last week (and the middle one when there is room).
  const ends = trend.length > 1 ? [0, trend.length - 1] : [0];
  const middle = Math.floor(trend.length / 2);
  if (trend.length > 2 && plot.width > 3 * measure(day.format(times[middle]!), false) + 40) ends.splice(1, 0, middle);
  for (const i of ends.filter(() => trend.length > 0)) {
    const anchor = ends.length > 1 && i === 0 ? 'start' : i === trend.length - 1 && ends.length > 1 ? 'end' : 'middle';
    texts.push({ id: `date-${i}`, x: anchor === 'start' ? plot.x : anchor === 'end' ? plot.x + plot.width : xOf(times[i]!), y: bottom, text: day.format(times[i]!), anchor, cls: 'muted' });
  }
  // The legend above the plot: the call's line and the closed area.
  const callWidth = measure(m.call, false);
  texts.push({ id: 'legend-call', x: left + 16, y: line / 2, text: m.call, anchor: 'start', cls: 'muted' });
  texts.push({ id: 'legend-closed', x: left + callWidth + 44, y: line / 2, text: view.legend[0]!, anchor: 'start', cls: 'muted' });
  const swatches: [Box, Box] = [
    { x: left, y: line / 2 - 1, width: 12, height: 2 },
    { x: left + callWidth + 28, y: line / 2 - 5, width: 12, height: 10 },
  ];
  const quotaY = quota !== null && quota > 0 ? yOf(quota) : null;
  if (quotaY !== null) texts.push({ id: 'quota', x: plot.x + plot.width, y: quotaY - line / 2 - 1, text: `${m.quota} ${view.short(quota)}`, anchor: 'end', cls: 'strong' });

  const points = trend.map((p): TrendMark => {
    const share = quota ? view.pct(p.call / quota) : null;
    const tip = [`${m.call} ${view.full(p.call)}`, `${view.legend[0]} ${view.full(p.closed)}`, ...(share ? [m.ofQuota(share, view.full(quota))] : [])];
    const title = date.format(p.time);
    return { time: p.time, x: xOf(p.time), y: yOf(p.call), closedY: yOf(p.closed), title, tip, ariaLabel: `${title}: ${tip.join(', ')}` };
  });
  const base = plot.y + plot.height;
  const closed = points.map((p) => [p.x, p.closedY] as const);
  return {
    plot,
    points,
    callLine: path(points.map((p) => [p.x, p.y])),
    closedArea: closed.length ? `${path([...closed, [closed.at(-1)![0], base], [closed[0]![0], base]])}Z` : '',
    quota: quotaY,
    grid: values.map(yOf),
    swatches,
    texts,
  };
}
