import type { FrameValue, MetricFrame } from '../../data/types.js';
import { type ForecastFigures, OMITTED, amountsFromLevels, categoryKey, forecastFigures, totalFigures } from '../../metrics/forecast.js';
import { epochMs } from '../../metrics/epoch-ms.js';
import { toNumber } from '../../metrics/to-number.js';

type Row = Readonly<Record<string, FrameValue>>;

/** Where the widget reads each part of a row, and how it sums them. */
export interface ForecastReadOptions {
  /** Fields tried in turn for the group's name: `group-field` (else `group`), then the query's dimensions. */
  groupFields: readonly string[];
  categoryField: string;
  valueField: string;
  quotaField: string;
  /** Keys of the summed categories, in stack order (closed first). */
  categories: readonly string[];
  /** Rows carry running levels (commit includes closed) instead of each category's own amount. */
  cumulative: boolean;
  /** The `quota` attribute: for the whole (`all`) or per group name; it wins over the rows. */
  quota: { all: number | null; groups: ReadonlyMap<string, number> };
  /**
   * Group keys in the order groups keep (those seen before): groups not in it come after, in the
   * order they first appear. A live forecast's bars stay where the reader found them, whatever
   * order the source sends its rows in.
   */
  order?: readonly string[];
}

/** A category that is listed but never summed: `omitted`, or one the widget does not know. */
export interface ExcludedCategory {
  key: string;
  /** As the source spelled it. */
  name: string;
  value: number | null;
}

export interface ForecastGroup {
  key: string;
  /** As the source sent it; empty for rows without a group. */
  name: string;
  /** Per summed category: its own amount (null: none usable). */
  amounts: Array<number | null>;
  figures: ForecastFigures;
  excluded: ExcludedCategory[];
  /** Categories whose value was not a usable number (text, NaN, negative). */
  unusable: Set<string>;
  /** Categories whose cumulative level was below the one before. */
  notCumulative: Set<string>;
  /** A row behind each category (what drill-down carries), by category key. */
  rows: Map<string, Row>;
  /** The field that named the group, so a drill-down row can filter by it (`channel=partner`). */
  field: string | undefined;
}

export interface TrendPoint {
  time: number;
  closed: number;
  call: number;
}

export interface ForecastModel {
  groups: ForecastGroup[];
  /** All groups together, when there is more than one. */
  total: ForecastFigures | null;
  /** The call over time, from rows with `time`: every group summed. */
  trend: TrendPoint[];
  /** The total quota the trend is drawn against. */
  trendQuota: number | null;
  unit: string | undefined;
  fieldLabel: string | undefined;
  /** What the widget warns about once per frame. */
  problems: string[];
}

/**
 * Reads a forecast frame: rows `{ group?, category, value, quota? }`. Amounts of one group and
 * category are added (a source may send one row per rep); a row without a category may carry the
 * group's quota alone. Rows with `time` feed the trend, and the bars read the latest time only.
 */
export function forecastModel(frame: MetricFrame, o: ForecastReadOptions): ForecastModel {
  const problems: string[] = [];
  const times = frame.rows.map((r) => epochMs(r.time));
  const latest = Math.max(...times.map((t) => t ?? -Infinity));
  const current = frame.rows.filter((_, i) => !Number.isFinite(latest) || times[i] === latest);
  const groups = collect(current, o, problems);
  const quota = o.quota.all;
  const single = groups.length === 1 ? groups[0] : undefined;
  if (single && quota !== null && !o.quota.groups.has(single.name)) single.figures = forecastFigures(single.amounts, quota);
  const total = groups.length > 1 ? totalFigures(groups.map((g) => ({ amounts: g.amounts, quota: g.figures.quota })), quota) : null;

  // The trend: per time, the groups' figures added up.
  const byTime = new Map<number, Row[]>();
  frame.rows.forEach((row, i) => {
    const t = times[i];
    if (t !== null && t !== undefined) byTime.set(t, [...(byTime.get(t) ?? []), row]);
  });
  const trend = [...byTime.keys()]
    .sort((a, b) => a - b)
    .map((time) => {
      const f = totalFigures(collect(byTime.get(time)!, o, []).map((g) => ({ amounts: g.amounts, quota: null })));
      return { time, closed: f.closed, call: f.call };
    });
  const field = frame.fields?.find((f) => f.name === o.valueField);
  return {
    groups,
    total,
    trend,
    trendQuota: total ? total.quota : (single?.figures.quota ?? quota),
    unit: field?.unit,
    fieldLabel: field?.label,
    problems,
  };
}

/** The groups of some rows: those of `o.order` in that order, then the others as they first appear. */
function collect(rows: readonly Row[], o: ForecastReadOptions, problems: string[]): ForecastGroup[] {
  const groups = new Map<string, ForecastGroup & { sums: Array<number | null>; quotas: Array<number | null> }>();
  const note = (text: string) => problems.includes(text) || problems.push(text);
  for (const row of rows) {
    const field = o.groupFields.find((f) => row[f] !== null && row[f] !== undefined && row[f] !== '');
    const name = field === undefined ? '' : String(row[field]);
    let g = groups.get(name);
    if (!g) {
      const none = o.categories.map(() => null);
      g = { key: name, name, amounts: [], figures: forecastFigures([], null), excluded: [], unusable: new Set(), notCumulative: new Set(), rows: new Map(), field, sums: [...none], quotas: [] };
      groups.set(name, g);
    }
    g.quotas.push(toNumber(row[o.quotaField]));
    const raw = row[o.categoryField];
    const key = categoryKey(raw);
    if (!key) continue;
    const n = toNumber(row[o.valueField]);
    const usable = n !== null && n >= 0;
    if (!usable) {
      g.unusable.add(key);
      note(`"${o.valueField}" not a usable amount`);
    }
    if (!g.rows.has(key)) g.rows.set(key, row);
    const at = o.categories.indexOf(key);
    if (at < 0) {
      if (key !== OMITTED) note(`unknown category "${String(raw)}" listed, not summed`);
      const seen = g.excluded.find((e) => e.key === key);
      if (seen) seen.value = usable ? (seen.value ?? 0) + n : seen.value;
      else g.excluded.push({ key, name: String(raw), value: usable ? n : null });
      continue;
    }
    if (usable) g.sums[at] = (g.sums[at] ?? 0) + n;
  }
  const before = new Map(o.order?.map((key, i) => [key, i]));
  const rank = (key: string) => before.get(key) ?? before.size;
  // A stable sort: groups new to this frame keep the order they first appear in.
  return [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key)).map(({ sums, quotas, ...g }) => {
    let amounts = sums;
    if (o.cumulative) {
      const read = amountsFromLevels(sums);
      amounts = read.amounts;
      for (const i of read.notCumulative) g.notCumulative.add(o.categories[i]!);
      if (read.notCumulative.length) note('categories not cumulative');
    }
    const fromRows = quotas.filter((q): q is number => q !== null);
    const given = o.quota.groups.get(g.name) ?? fromRows.at(-1) ?? null;
    if (given !== null && given < 0) note('a negative quota ignored');
    const quota = given !== null && given >= 0 ? given : null;
    return { ...g, amounts, figures: forecastFigures(amounts, quota) };
  });
}
