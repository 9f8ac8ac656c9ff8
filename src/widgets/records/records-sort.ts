import type { RecordColumn } from './records-columns.js';
import { sortValue } from './records-cells.js';
import type { RecordItem } from './records-model.js';

export type SortDirection = 'asc' | 'desc';
export interface RecordSort {
  column: string;
  direction: SortDirection;
}

/** `amount:desc`, `name` (ascending), `closeDate:ASC` → a sort; null for an empty or malformed value. */
export function parseSort(text: string | null | undefined): RecordSort | null {
  const match = /^\s*([^:\s][^:]*?)\s*(?::\s*(asc|desc)\s*)?$/i.exec(text ?? '');
  if (!match) return null;
  return { column: match[1]!, direction: (match[2]?.toLowerCase() as SortDirection | undefined) ?? 'asc' };
}

export const formatSort = (sort: RecordSort) => `${sort.column}:${sort.direction}`;

/**
 * The sort after a click on a column's header: the same column flips; another starts ascending
 * for text (A → Z) and descending for numbers and dates (largest amount, latest date first).
 */
export function nextSort(current: RecordSort | null, column: RecordColumn): RecordSort {
  if (current?.column === column.name) return { column: column.name, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column: column.name, direction: column.kind === 'text' ? 'asc' : 'desc' };
}

/**
 * Records in the order of `sort`, as a new array: numbers and times by value, text in the locale's
 * collation with numbers in text read as numbers ("Deal 9" before "Deal 10"), case-insensitively.
 * Cells the column cannot read (null, NaN, missing) go last in either direction, and records that
 * compare equal keep the source's order. No sort, or one by a column not shown: the source's order.
 */
export function sortRecords(records: readonly RecordItem[], sort: RecordSort | null, columns: readonly RecordColumn[], locale: string): RecordItem[] {
  const column = sort && columns.find((c) => c.name === sort.column);
  if (!sort || !column) return [...records];
  const collator = collatorFor(locale);
  const sign = sort.direction === 'desc' ? -1 : 1;
  const keyed = records.map((record) => ({ record, value: sortValue(record.row[column.name], column.kind) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.record.index - b.record.index : a.value === null ? 1 : -1;
    const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
    return order === 0 ? a.record.index - b.record.index : sign * order;
  });
  return keyed.map((k) => k.record);
}

const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    try {
      collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    } catch {
      collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    }
    collators.set(locale, collator);
  }
  return collator;
}
