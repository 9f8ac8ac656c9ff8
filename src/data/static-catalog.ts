import { metricLabel } from './read-catalog.js';
import type { CatalogEntry, FrameField, FrameValue, MetricFrame, MetricQuery, WidgetKind } from './types.js';

type Rows = ReadonlyArray<Record<string, FrameValue>>;
type Answer = Rows | MetricFrame | ((q: MetricQuery) => Rows | MetricFrame);

/** Row keys that name or link one row, not a dimension to filter by. */
const NOT_DIMENSIONS = new Set(['id', 'name', 'label', 'href', 'avatar', 'group', 'time']);

/**
 * What fixed data can answer, read from the rows themselves: rows with a `stage` and a value are a
 * funnel, with a `campaign` and cost or revenue a campaign ROI, with a forecast `category` a
 * forecast, named rows (`name` or `id`) with a value a leaderboard (and a records table), a
 * metric called `<name>_records` a records table, and plain values (one row, or a series over
 * `time`) a KPI. The label and unit come from the value's field when there is one; dimensions are
 * the text columns. A metric whose rows fit none of these (or whose function throws) is not listed.
 */
export function staticCatalog(data: Readonly<Record<string, Answer>>, fields: Readonly<Record<string, readonly FrameField[]>> = {}): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const metric of Object.keys(data)) {
    const frame = frameOf(data[metric]!, metric);
    if (!frame) continue;
    const kinds = kindsOf(metric, frame.rows);
    if (kinds.length === 0) continue;
    const all = [...(frame.fields ?? []), ...(fields[metric] ?? [])];
    const value = all.find((f) => f.name === 'value') ?? all.find((f) => f.type === 'number' && f.unit);
    const entry: CatalogEntry = { metric, label: value?.label || metricLabel(metric), kinds };
    if (value?.unit) entry.unit = value.unit;
    const dimensions = textColumns(frame.rows);
    if (dimensions.length > 0) entry.dimensions = dimensions;
    entries.push(entry);
  }
  return entries;
}

/** The rows (and fields) a metric answers to a plain query for it; null when it cannot say. */
function frameOf(answer: Answer, metric: string): { rows: Rows; fields?: readonly FrameField[] } | null {
  try {
    const given = typeof answer === 'function' ? answer({ metric }) : answer;
    if (Array.isArray(given)) return { rows: given };
    if (given && Array.isArray((given as MetricFrame).rows)) return given as MetricFrame;
  } catch {
    // A function written for certain queries only: that metric is not listed.
  }
  return null;
}

function kindsOf(metric: string, rows: Rows): WidgetKind[] {
  if (metric.endsWith('_records')) return ['records'];
  const rowsWith = (...keys: string[]) => rows.length > 0 && rows.every((row) => row && keys.some((key) => row[key] !== undefined && row[key] !== null));
  const valued = rowsWith('value');
  if (rowsWith('category') && valued) return ['forecast'];
  if (rowsWith('stage') && valued) return ['funnel'];
  if (rowsWith('campaign') && rowsWith('cost', 'revenue')) return ['campaign-roi'];
  if (rowsWith('name', 'id')) return valued ? ['leaderboard', 'records'] : ['records'];
  return valued ? ['kpi'] : [];
}

/** Columns that hold text in every row that has them: what a dashboard can filter by. */
function textColumns(rows: Rows): string[] {
  const kinds = new Map<string, boolean>();
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    for (const [key, cell] of Object.entries(row)) {
      if (NOT_DIMENSIONS.has(key) || cell === null) continue;
      kinds.set(key, (kinds.get(key) ?? true) && typeof cell === 'string');
    }
  }
  return [...kinds].filter(([, text]) => text).map(([key]) => key);
}
