import { numberFormat } from '../../format/number-format.js';
import { type RecordColumn, isQuantity, primaryColumn, recordColumns } from './records-columns.js';
import { cellText, sortValue } from './records-cells.js';
import type { RecordsMessages } from './records-messages.js';
import type { RecordItem, RecordsModel } from './records-model.js';
import { type RecordSort, sortRecords } from './records-sort.js';

export interface RecordsViewOptions {
  columns: readonly string[];
  sort: RecordSort | null;
  /** How many records to show at most; not a positive number: all. */
  limit: number;
  currency: string | undefined;
  locale: string;
  messages: RecordsMessages;
}

/** What a records table shows: the template only places it. */
export interface RecordsView {
  columns: RecordColumn[];
  /** Index of the column that names the record (its link). */
  primary: number;
  /** The records in display order, cut to the limit. */
  shown: RecordItem[];
  /** "1,284 records", or "100 of 1,284 records". */
  countText: string;
  /** The rows' `grid-template-columns`: quantities and dates as wide as their longest value, text shares the rest. */
  grid: string;
  /** A note when ids repeat; null when they do not. */
  duplicatesText: string | null;
}

export function recordsView(model: RecordsModel, frame: Parameters<typeof recordColumns>[0], o: RecordsViewOptions): RecordsView {
  const columns = recordColumns(frame, o.columns, o.currency);
  const primary = primaryColumn(columns);
  const sorted = sortRecords(model.records, o.sort, columns, o.locale);
  const limit = Number.isFinite(o.limit) && o.limit > 0 ? Math.floor(o.limit) : Infinity;
  const shown = sorted.length > limit ? sorted.slice(0, limit) : sorted;
  const whole = numberFormat(o.locale, { maximumFractionDigits: 0 });
  const total = model.records.length;
  const m = o.messages;
  return {
    columns,
    primary,
    shown,
    countText: shown.length < total ? m.countOf(whole.format(shown.length), total, whole.format(total)) : m.count(total, whole.format(total)),
    grid: columns.map((c, i) => track(c, i === primary, shown, o.locale)).join(' '),
    duplicatesText: model.duplicateIds > 0 ? m.duplicates(whole.format(model.duplicateIds)) : null,
  };
}

/**
 * One column's track. Numbers and dates are never cut: their column is as wide as the widest of
 * its values and its header (measured in characters of the formatted extremes, so 10,000 rows
 * cost a scan, not 10,000 formats). Text columns share what is left, the name twice as much,
 * and cut long text with an ellipsis.
 */
function track(column: RecordColumn, primary: boolean, records: readonly RecordItem[], locale: string): string {
  if (primary) return 'minmax(6rem, 2.2fr)';
  if (column.kind === 'text') return 'minmax(0, 1fr)';
  let widest = '';
  if (isQuantity(column.kind)) {
    let min = Infinity;
    let max = -Infinity;
    for (const r of records) {
      const v = sortValue(r.row[column.name], column.kind);
      if (typeof v === 'number') {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    for (const v of [min, max]) if (Number.isFinite(v)) widest = longer(widest, cellText(v, column, locale));
  } else {
    // Dates of one format are about equally long; a late date with two-digit day and month stands for all.
    widest = cellText(Date.UTC(2026, 11, 28, 23, 59), column, locale);
  }
  // The header's arrow and a little room; bold header text runs wider than digits.
  const chars = Math.max(widest.length, column.label.length * 0.95 + 2, 2);
  return `minmax(calc(${Math.ceil(chars)}ch + 4px), 0.8fr)`;
}

const longer = (a: string, b: string) => (b.length > a.length ? b : a);
