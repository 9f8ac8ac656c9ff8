/**
 * What the widget stories have in common: every widget inherits the same attributes from the shared
 * base element, shows the same states (loading, stale, error) and fires the same `crm-drilldown`
 * event, so their stories bind, frame and feed them the same way. Kept here so the stories differ
 * only where the widgets do.
 *
 * Stories may use lit's `styleMap`: Storybook pages are not under the widgets' strict CSP.
 */
import type { ArgTypes, Decorator } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { NEVER, concat, of, throwError } from 'rxjs';
import type { FrameValue, MetricFrame, MetricSource, ValueFormat } from '../src/index.js';

export type Row = Record<string, FrameValue>;

/** An attribute value, or `nothing` to leave the attribute off (a cleared control gives ''). */
export const opt = (value: unknown) => (value === undefined || value === null || value === '' ? nothing : String(value));

/** The controls of the attributes every widget inherits; names match the element's attributes. */
export interface WidgetArgs {
  /** Listed for its docs row only: each story binds its own source. */
  source?: never;
  metric: string;
  label?: string;
  range?: string;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  'stale-after'?: number;
  'drill-href'?: string;
}

/** The controls of a widget that formats its values itself. */
export interface ValueFormatArgs {
  format?: ValueFormat;
  currency?: string;
}

/**
 * The controls of `WidgetArgs`. The controls panel lists rows in the custom-elements manifest's
 * order, so where a story file spreads these among its own does not move them.
 */
export const widgetArgTypes = {
  source: { control: false },
  metric: { control: 'text' },
  label: { control: 'text' },
  range: { control: 'text' },
  locale: { control: 'text' },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  'stale-after': { control: 'number' },
  'drill-href': { control: 'text' },
} satisfies Partial<ArgTypes<WidgetArgs>>;

/** The controls of `ValueFormatArgs`. */
export const valueFormatArgTypes = {
  format: { control: 'select', options: ['number', 'currency', 'percent', 'duration'] },
  currency: { control: 'text' },
} satisfies Partial<ArgTypes<ValueFormatArgs>>;

/**
 * A widget is as wide as its container: this one is `typicalWidth` wide (a dashboard column or
 * panel) unless the story sets `parameters.width` — another width, or 'none' for a grid of several.
 */
export const widthOf =
  <TArgs>(typicalWidth: string): Decorator<TArgs> =>
  (story, { parameters }) =>
    html`<div style=${styleMap({ maxWidth: parameters.width ?? typicalWidth })}>${story()}</div>`;

/** Widgets side by side in cells of one size, for stories that compare a few cases. */
export const sideBySide = (cell: { width: string; height?: string }, ...widgets: unknown[]) =>
  html`<div style=${styleMap({ display: 'grid', gridTemplateColumns: `repeat(auto-fill, ${cell.width})`, gridAutoRows: cell.height, gap: '16px' })}>${widgets}</div>`;

/** The smallest tile a chart is meant for: it must still draw, with fewer labels, never overlapping. */
export const smallChartTile = { width: '280px', height: '200px' };

/** Columns sharing the width, none narrower than `minWidth` (so two charts stack on a narrow page). */
const columnsOf = (minWidth: string) => ({ display: 'grid', gap: '16px', gridTemplateColumns: `repeat(auto-fit, minmax(${minWidth}, 1fr))` });

/** Widgets in columns of at least `minWidth`, for stories that show two views of one chart. */
export const inColumns = (minWidth: string, ...widgets: unknown[]) => html`<div style=${styleMap(columnsOf(minWidth))}>${widgets}</div>`;

/**
 * On a dark dashboard's background, where `theme="dark"` is meant to be seen; with `columns`, the
 * widgets sit in columns of at least that width.
 */
export const onDarkPage = (widgets: unknown[], columns?: { minWidth: string }) =>
  html`<div style=${styleMap({ background: '#0d1117', padding: '24px', ...(columns && columnsOf(columns.minWidth)) })}>${widgets}</div>`;

/** A source that never answers: the widget stays in its loading skeleton. */
export const neverAnswers = (): MetricSource => ({ query: () => NEVER });

/** A source that fails before any data arrives, as an overloaded CRM API does: the error view. */
export const failsAtOnce = (): MetricSource => ({ query: () => throwError(() => new Error('HTTP 503 Service Unavailable')) });

/**
 * A source that sends one frame, then nothing: after `stale-after` ms the widget keeps the last
 * numbers and marks them stale. The frame is made when the widget asks, so its `asOf` is that moment.
 */
export const oneFrameThenSilence = (frame: () => MetricFrame): MetricSource => ({ query: () => concat(of(frame()), NEVER) });

/**
 * `widget` inside a listener that cancels `crm-drilldown` — so the story stays here instead of
 * following `drill-href` — and prints below it the detail the host page would receive.
 */
export function withDrilldownLog(widget: unknown, hint: string) {
  const log = document.createElement('pre');
  log.textContent = `crm-drilldown: ${hint}`;
  const onDrilldown = (e: Event) => {
    e.preventDefault();
    log.textContent = `crm-drilldown ${JSON.stringify((e as CustomEvent).detail, null, 2)}`;
  };
  return html`<div @crm-drilldown=${onDrilldown}>${widget}</div>
      ${log}`;
}
