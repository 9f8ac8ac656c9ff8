import { type VirtualizerHostElement, virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { TemplateResult } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import { RecordsLayout } from './records-layout.js';
import type { RecordItem } from './records-model.js';

/**
 * A long list's rows through @lit-labs/virtualizer: only the rows in and near the view exist, so
 * 10,000 records scroll like 30. This module is loaded on first use (`import()`): most lists a CRM
 * drills into are short and are drawn as plain rows, without the virtualizer's code.
 * `rowHeight`: the rows' height in pixels if known (0 if not), the layout's first estimate.
 */
export function virtualRows(items: RecordItem[], renderRow: (record: RecordItem, index: number) => TemplateResult, rowHeight: number): DirectiveResult {
  // The layout takes the specifier's other fields as its config: rowHeight is RecordsLayout's.
  const layout = { type: RecordsLayout, rowHeight };
  return virtualize({ items, keyFunction: keyOf, renderItem: renderRow, scroller: true, layout });
}

/** What the table asks of a virtualizer: to scroll a record into view that is not rendered. */
export interface RecordsVirtualizer {
  element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
}

/** The virtualizer of a rows' area it renders, for `element(i).scrollIntoView()`. */
export function virtualizerOf(body: Element): RecordsVirtualizer | undefined {
  return (body as VirtualizerHostElement)[virtualizerRef];
}

const keyOf = (record: RecordItem) => record.key;

/**
 * Scrolls a virtualizer's new rows' area to `top` before its first layout, which then renders the
 * rows there at once: no frame of the first rows, no jump, no scroll while it measures them (that
 * made its resize observers loop). Its sizer, which it adopts, is placed first so that the area
 * has room to scroll.
 */
export function scrollNewTo(body: HTMLElement, top: number): void {
  const sizer = document.createElement('div');
  sizer.setAttribute('virtualizer-sizer', '');
  Object.assign(sizer.style, { position: 'absolute', visibility: 'hidden', transform: `translate(0, ${top + body.clientHeight}px)` });
  sizer.textContent = '\u00a0';
  body.append(sizer);
  body.scrollTop = top;
}
