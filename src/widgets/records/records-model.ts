import type { FrameValue, MetricFrame } from '../../data/types.js';
import { recordHref } from './record-href.js';

/** One record as the table reads it from a row. */
export interface RecordItem {
  /**
   * Identifies the record across frames (focus follows it): the row's `id`, else its `name`,
   * else its position; a repeated one gets a suffix (`opp-1~2`) so both rows show and stay apart.
   */
  key: string;
  /** The row's own id as text; null when it has none (numbers count, NaN and empty strings do not). */
  id: string | null;
  /** The row's `href` when it is an http(s) or relative URL; null otherwise (the name is plain text). */
  href: string | null;
  /** The row as the source sent it, for drill-down. */
  row: Readonly<Record<string, FrameValue>>;
  /** The record's place in the frame: ties in a sort keep it. */
  index: number;
}

export interface RecordsModel {
  records: RecordItem[];
  /** How many rows had an id another row already had, and how many had none: said under the table. */
  duplicateIds: number;
  missingIds: number;
  asOf: number;
}

/**
 * Reads a records frame: one row per record. Bad rows never throw and never vanish: a row without
 * an id is keyed by its name or position, a repeated id is made unique, and a row that is not an
 * object is skipped. A frame with no rows is null, the empty state.
 */
export function recordsModel(frame: MetricFrame): RecordsModel | null {
  const seen = new Map<string, number>();
  const records: RecordItem[] = [];
  let duplicateIds = 0;
  let missingIds = 0;
  frame.rows.forEach((row, index) => {
    if (!row || typeof row !== 'object') return;
    const id = text(row.id);
    if (id === null) missingIds++;
    const base = id !== null ? `id:${id}` : text(row.name) !== null ? `name:${text(row.name)}` : `#${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    if (count > 1 && id !== null) duplicateIds++;
    records.push({ key: count === 1 ? base : `${base}~${count}`, id, href: recordHref(row.href), row, index });
  });
  if (records.length === 0) return null;
  return { records, duplicateIds, missingIds, asOf: typeof frame.asOf === 'number' ? frame.asOf : Date.now() };
}

/** A cell as trimmed text; a finite number counts (numeric ids), anything else or '' is null. */
function text(value: FrameValue | undefined): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
