import { html, nothing } from 'lit';
import { NO_VALUE } from '../../format/number-format.js';
import { type RecordColumn, isQuantity } from './records-columns.js';
import { cellText } from './records-cells.js';
import type { RecordItem } from './records-model.js';

export interface RowTemplateOptions {
  columns: readonly RecordColumn[];
  primary: number;
  /** The first quantity column: on a phone's card it sits beside the name. */
  lead: number;
  locale: string;
  /** The row's position among all records (1-based, the header row is 1): screen readers say "row 512 of 1,285". */
  rowIndex: number;
  /** The row takes Tab focus (roving tabindex). */
  tabbable: boolean;
  /** Where the record's link goes; null: the name is plain text. */
  href: string | null;
  /** The name shown for a record that has neither name nor id. */
  unnamed: string;
}

/** Text longer than this may be cut by its column: the full text is its tooltip. */
const LONG = 24;

/**
 * One record's row: a cell per column. Every CRM value is a text node (`<img onerror>` in a name
 * is shown as those characters); cells take the direction of their text from its content (CSS
 * `unicode-bidi: plaintext`), so an Arabic or Hebrew name reads right to left, from the right edge
 * of its cell, without turning the row around.
 */
export function rowTemplate(record: RecordItem, o: RowTemplateOptions) {
  return html`<div class="row" part="row" role="row" data-key=${record.key} aria-rowindex=${o.rowIndex} tabindex=${o.tabbable ? '0' : '-1'}>
    ${o.columns.map((column, i) => cell(record, column, i, o))}
  </div>`;
}

function cell(record: RecordItem, column: RecordColumn, i: number, o: RowTemplateOptions) {
  const primary = i === o.primary;
  const quantity = isQuantity(column.kind);
  let text = cellText(record.row[column.name], column, o.locale);
  let missingName = false;
  if (primary && text === NO_VALUE) {
    missingName = record.id === null;
    text = record.id ?? o.unnamed;
  }
  const classes = `cell${primary ? ' primary' : ''}${quantity ? ' quantity' : ''}${i === o.lead ? ' lead' : ''}${text === NO_VALUE || missingName ? ' none' : ''}`;
  const title = text.length > LONG ? text : nothing;
  // Plain text sits in the cell itself: a jump down a long table renders a few dozen rows at once.
  return html`<div class=${classes} part=${primary ? 'cell primary' : 'cell'} role=${primary ? 'rowheader' : 'cell'} data-col=${i} tabindex="-1" title=${title}>${
    primary && o.href ? html`<a part="link" href=${o.href} tabindex="-1">${text}</a>` : text
  }</div>`;
}
