import type { EChartsCoreOption } from 'echarts/core';
import type { MetricFrame } from '../src/data/types.js';
import type { Kind } from './frames.js';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const title = (text: string, subtext = '') => ({ text, subtext, left: 8, top: 4, textStyle: { fontSize: 12 }, subtextStyle: { fontSize: 18, color: '#111' } });
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * The closest ECharts equivalent of each widget, with ECharts' defaults (canvas renderer,
 * animated updates): the same frame in, a full option out, as a typical integration writes it.
 */
export const ECHARTS_OPTION: Record<Kind, (frame: MetricFrame, label: string) => EChartsCoreOption> = {
  kpi(frame, label) {
    const last = frame.rows[frame.rows.length - 1]!;
    return {
      title: title(label, compact.format(num(last.value))),
      grid: { left: 8, right: 8, top: 64, bottom: 8 },
      xAxis: { type: 'time', show: false },
      yAxis: { type: 'value', show: false, scale: true },
      series: [{ type: 'line', showSymbol: false, areaStyle: { opacity: 0.15 }, data: frame.rows.map((r) => [num(r.time), num(r.value)]) }],
    };
  },

  funnel(frame, label) {
    return {
      title: title(label),
      series: [{ type: 'funnel', sort: 'none', top: 32, bottom: 8, left: 8, right: 8, label: { position: 'inside' }, data: frame.rows.map((r) => ({ name: String(r.stage), value: num(r.value) })) }],
    };
  },

  'campaign-roi'(frame, label) {
    return {
      title: title(label),
      grid: { left: 40, right: 8, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: frame.rows.map((r) => String(r.campaign)), axisLabel: { show: false } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact.format(v) } },
      series: [
        { type: 'bar', name: 'Cost', data: frame.rows.map((r) => num(r.cost)) },
        { type: 'bar', name: 'Revenue', data: frame.rows.map((r) => num(r.revenue)) },
      ],
    };
  },

  leaderboard(frame, label) {
    const ranked = [...frame.rows].sort((a, b) => num(b.value) - num(a.value));
    return {
      title: title(label),
      grid: { left: 88, right: 40, top: 28, bottom: 4 },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', inverse: true, data: ranked.map((r) => String(r.name)) },
      series: [{ type: 'bar', label: { show: true, position: 'right', formatter: (p: { value: number }) => compact.format(p.value) }, data: ranked.map((r) => num(r.value)) }],
    };
  },
};
