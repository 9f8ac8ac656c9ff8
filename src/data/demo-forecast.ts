import { DEMO_FORECAST, type DemoRange } from './demo-catalog.js';
import type { FrameValue, MetricFrame, MetricQuery } from './types.js';

type Row = Record<string, FrameValue>;

/** The categories a forecast row can carry, in stack order, then the one that is never summed. */
const CATEGORIES = ['closed', 'commit', 'best_case', 'pipeline', 'omitted'] as const;
type Amounts = Record<(typeof CATEGORIES)[number], number>;

/**
 * The demo CRM's forecast: per channel (`direct`, `partner`) the amount in each forecast category
 * and the channel's quota, one row per category. It moves live as deals move on — pipeline to best
 * case to commit to closed — and new pipeline comes in, while each category keeps about its share
 * of quota (deals are lost, closed deals age out of the period), so closed stays near its share
 * (about 0.5 of quota, never beyond about 0.7) however long it runs. Grouped by `channel` when the query's
 * dimensions ask for it, else one set of rows for all channels; with `time` among the dimensions,
 * one set per week of the period (the call builds up towards today's figures).
 */
export function demoForecast(q: MetricQuery, random: () => number, range: DemoRange, now: () => number, channels: (channel: string) => boolean) {
  const byChannel = q.dimensions?.includes('channel') ?? false;
  const weeks = q.dimensions?.includes('time') ? range.points : 1;
  // Every channel is simulated (the same draws whatever the filter); the filter picks the rows.
  const all = DEMO_FORECAST.map((c) => {
    const amounts = {} as Amounts;
    for (const k of CATEGORIES) amounts[k] = c.quota * range.share * c.shares[k] * (0.94 + random() * 0.12);
    return { ...c, quota: c.quota * range.share, amounts, start: { ...amounts } };
  });
  const live = all.filter((c) => channels(c.channel));
  /**
   * Moves a little of one category into the next one up; new deals join the pipeline; every
   * category reverts 2 % of the way to its start, so the amounts settle around their shares.
   */
  const step = (random: () => number) => {
    for (const c of all) {
      const a = c.amounts;
      const i = Math.floor(random() * 3);
      const from = CATEGORIES[i + 1]!;
      const moved = a[from] * 0.03 * random();
      a[from] -= moved;
      a[CATEGORIES[i]!] += moved;
      a.pipeline += c.quota * 0.004 * random();
      if (random() < 0.2) a.omitted += c.quota * 0.003;
      for (const k of CATEGORIES) a[k] += (c.start[k] - a[k]) * 0.02;
    }
  };
  const rowsAt = (week: number): Row[] => {
    // Earlier weeks: less closed, the rest of the call still open.
    const t = (week + 1) / weeks;
    const groups = byChannel ? live.map((c) => [c]) : [live];
    return groups.flatMap((group) =>
      CATEGORIES.map((category) => {
        const sum = (f: (c: (typeof live)[number]) => number) => Math.round(group.reduce((s, c) => s + f(c), 0));
        const scale = category === 'closed' ? t ** 1.4 : category === 'commit' ? 0.7 + 0.3 * t : 1;
        const row: Row = { category, value: sum((c) => c.amounts[category] * scale), quota: sum((c) => c.quota) };
        if (byChannel) Object.assign(row, { channel: group[0]!.channel, group: group[0]!.label });
        if (weeks > 1) row.time = now() - (weeks - 1 - week) * range.stepMs;
        return row;
      }),
    );
  };
  const fields: MetricFrame['fields'] = [
    { name: 'category', type: 'string' },
    { name: 'value', type: 'number', unit: 'EUR', label: 'Forecast' },
    { name: 'quota', type: 'number', unit: 'EUR' },
  ];
  return { fields, step, rows: () => Array.from({ length: weeks }, (_, w) => rowsAt(w)).flat() };
}
