import type { FrameField, MetricFrame } from '../../data/types.js';
import { humanize } from '../shared/crm-metric-element.js';

/** How a column's cells are read, written and sorted. */
export type ColumnKind = 'text' | 'number' | 'money' | 'percent' | 'duration' | 'date' | 'datetime';

export interface RecordColumn {
  /** The row field. */
  name: string;
  /** The header: the field's label from the source, else a readable field name. */
  label: string;
  kind: ColumnKind;
  /** The currency of a `money` column, when known (the field's unit or the `currency` attribute). */
  currency: string | undefined;
}

/** The fields of a record as the default shape has them, in the order they are shown. */
export const DEFAULT_COLUMNS = ['name', 'owner', 'stage', 'amount', 'closeDate'] as const;

/** Fields that are never columns of their own: the link target. */
const NOT_COLUMNS = new Set(['href']);

const ISO_CURRENCY = /^[A-Z]{3}$/;

/** Words for default fields that `humanize` would not find (`closeDate` → "Close date"). */
const DEFAULT_LABELS: Record<string, string> = { closeDate: 'Close date', id: 'ID' };

/** `closeDate`, `close_date` → "Close date": headers for fields the source does not label. */
export function fieldLabel(name: string): string {
  return DEFAULT_LABELS[name] ?? humanize(name.replace(/([a-z\d])([A-Z])/g, '$1 $2').toLowerCase());
}

/**
 * The columns a records table shows, in order:
 * - `picked` (the `columns` attribute) names them: fields the frame does not have still get a
 *   column (of "—"), so a misspelt name is visible rather than silently missing;
 * - else `frame.fields`, in the source's order (the link target `href` is not a column);
 * - else the default shape: `name`, then `owner`, `stage`, `amount`, `closeDate` where any row has them.
 * Kinds come from the field's type and unit; without fields, from the default field names
 * (`amount` is money, `closeDate` a date), else from the first value in the rows.
 */
export function recordColumns(frame: MetricFrame, picked: readonly string[], currency: string | undefined): RecordColumn[] {
  const fields = new Map((frame.fields ?? []).map((f) => [f.name, f]));
  let names: string[];
  if (picked.length) names = [...new Set(picked)];
  else if (fields.size) names = [...fields.keys()].filter((n) => !NOT_COLUMNS.has(n));
  else names = DEFAULT_COLUMNS.filter((n) => n === 'name' || frame.rows.some((r) => r[n] !== undefined && r[n] !== null));
  return names.map((name) => column(name, fields.get(name), frame.rows, currency));
}

function column(name: string, field: FrameField | undefined, rows: MetricFrame['rows'], currency: string | undefined): RecordColumn {
  const label = field?.label?.trim() || fieldLabel(name);
  const unit = field?.unit;
  const unitCurrency = unit && ISO_CURRENCY.test(unit) ? unit : undefined;
  const money = (code: string | undefined): RecordColumn => ({ name, label, kind: code ? 'money' : 'number', currency: code });
  if (field) {
    if (field.type === 'time') return { name, label, kind: dateKind(name), currency: undefined };
    if (field.type === 'number') {
      // The field's own currency is what the source counted in; the page's fills in where it says none.
      if (unitCurrency || (currency && unit === undefined && name === 'amount')) return money(unitCurrency ?? currency);
      if (unit === '%') return { name, label, kind: 'percent', currency: undefined };
      if (unit === 's') return { name, label, kind: 'duration', currency: undefined };
      return { name, label, kind: 'number', currency: undefined };
    }
    return { name, label, kind: 'text', currency: undefined };
  }
  if (name === 'amount') return money(currency);
  if (name === 'closeDate') return { name, label, kind: 'date', currency: undefined };
  const sample = rows.find((r) => r[name] !== undefined && r[name] !== null)?.[name];
  return { name, label, kind: typeof sample === 'number' ? 'number' : 'text', currency: undefined };
}

/** A time field named like a day (`closeDate`, `due_day`) is a date; any other time also has a time of day. */
function dateKind(name: string): 'date' | 'datetime' {
  return /(date|day)$/i.test(name) ? 'date' : 'datetime';
}

/** The column whose cell is the record's link and its name for screen readers: `name`, else the first text column. */
export function primaryColumn(columns: readonly RecordColumn[]): number {
  const named = columns.findIndex((c) => c.name === 'name');
  if (named >= 0) return named;
  const text = columns.findIndex((c) => c.kind === 'text');
  return text >= 0 ? text : 0;
}

/** A comma list of field names (`name, amount`): trimmed, empty entries dropped. */
export function parseColumnList(text: string | null | undefined): string[] {
  return (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Whether a column holds quantities: right-aligned, so digits line up. */
export const isQuantity = (kind: ColumnKind) => kind === 'number' || kind === 'money' || kind === 'percent' || kind === 'duration';
