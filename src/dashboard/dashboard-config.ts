import type { MetricQuery, WidgetKind } from '../data/types.js';
import { WIDGET_KINDS, kindOf } from '../data/widget-kinds.js';
import { toPlainData } from './plain-data.js';

export { WIDGET_KINDS, kindOf };

/**
 * One widget in a dashboard config: its type, a unique id, the metric, its place on the grid,
 * and any other widget attribute by its attribute name (`"format": "currency"`,
 * `"stage-field": "phase"`, `"metric-columns": "cost,revenue"`).
 */
export interface DashboardWidgetConfig {
  /** A `WidgetKind` (`kpi`, `funnel`…); anything else renders a placeholder saying so. */
  type: string;
  /** Unique within the config; a missing or repeated id is replaced by a free one. */
  id: string;
  metric?: string;
  label?: string;
  /** Column of the left edge, from 0. Without x or y, the widget goes in the first free place. */
  x?: number;
  /** Row of the top edge, from 0. */
  y?: number;
  /** Width in columns; defaults by type (see `DEFAULT_SIZES`). */
  w?: number;
  /** Height in rows of `--crm-dashboard-row-height`; defaults by type. */
  h?: number;
  [attribute: string]: unknown;
}

/** A dashboard as plain JSON data: it survives `JSON.stringify` and carries no functions. */
export interface DashboardConfig {
  title?: string;
  /** The registered source name the widgets read from. */
  source?: string;
  range?: string;
  compare?: 'previous_period' | 'previous_year';
  filters?: NonNullable<MetricQuery['filters']>;
  /** Grid columns, 1 to 24; `DEFAULT_COLUMNS` when absent. */
  columns?: number;
  widgets: DashboardWidgetConfig[];
}

/** A place on the grid, in whole cells. */
export interface Cell {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One widget entry as the dashboard renders it. */
export interface ReadWidget {
  /** The entry's id, or a free one (`widget-3`) when it was missing or repeated. */
  id: string;
  /** The widget type, when it is one; null for an unknown or missing type. */
  kind: WidgetKind | null;
  /** The element to create (`crm-kpi`), or null when the entry renders as a placeholder. */
  tag: string | null;
  /** Attribute name → value to set on the element (a `true` value is set as ''). Includes metric and label. */
  attributes: Record<string, string>;
  /** Where it goes: whole numbers, fitted to the columns. */
  cell: Cell;
  /** False when x or y were missing: the layout puts it in the first free place. */
  placed: boolean;
  /** Why it renders as a placeholder, in words a user reads; null when it renders. */
  problem: string | null;
  /** What was changed or left out on the way (an attribute refused, a size fitted). */
  warnings: string[];
  /** The entry in `ReadConfig.config.widgets` (a plain copy, with its id). */
  entry: DashboardWidgetConfig;
}

/** The outcome of reading a config: what to render, and what was wrong with it. */
export interface ReadConfig {
  /** A plain copy, every widget with its id: what edit mode edits and `crm-config-change` carries. */
  config: DashboardConfig;
  /** The widgets to render, in config order (at most `MAX_WIDGETS`). */
  widgets: ReadWidget[];
  /** Why the whole config is unusable (not JSON, not an object, widgets not a list); null when usable. */
  problem: string | null;
  /** What was left out or changed outside the widgets (a bad filter, columns out of range…). */
  warnings: string[];
}

/** Grid columns when a config does not say. */
export const DEFAULT_COLUMNS = 12;

/** Widgets a dashboard renders at most; more would make a page nobody can read or scroll. */
export const MAX_WIDGETS = 200;

/** Lowest row a widget may start on; a config asking for row 10⁹ would make an endless page. */
const MAX_ROW = 1000;

/** Tallest widget, in rows. */
const MAX_HEIGHT = 24;

/** What a manager calls each kind. */
export const WIDGET_KIND_LABELS: Readonly<Record<WidgetKind, string>> = {
  kpi: 'KPI',
  funnel: 'Funnel',
  'campaign-roi': 'Campaign ROI',
  leaderboard: 'Leaderboard',
  forecast: 'Forecast',
  records: 'Records',
};

/** The size each kind gets when the config does not say, in columns × rows. */
export const DEFAULT_SIZES: Readonly<Record<WidgetKind, { w: number; h: number }>> = {
  kpi: { w: 3, h: 3 },
  funnel: { w: 6, h: 5 },
  'campaign-roi': { w: 6, h: 5 },
  leaderboard: { w: 4, h: 6 },
  forecast: { w: 6, h: 5 },
  records: { w: 12, h: 6 },
};

/** A placeholder's size. */
const PLACEHOLDER_SIZE = { w: 4, h: 2 };

/** Keys of an entry that are not attributes. */
const ENTRY_KEYS = new Set(['type', 'id', 'x', 'y', 'w', 'h']);

/**
 * Attributes a config may not set: handlers and styles (a config is data, never code or CSS
 * under a strict CSP), and what identifies or places the element in the dashboard's own tree.
 */
const REFUSED_ATTRIBUTES = new Set(['style', 'class', 'id', 'slot', 'part', 'exportparts', 'is', 'tabindex', 'contenteditable', 'popover', 'inert', 'hidden', 'data-widget-id', 'data-cell-id']);

/** The element for a kind. */
export function tagOf(kind: WidgetKind): string {
  return `crm-${kind}`;
}

/**
 * Reads a dashboard config — a JSON string (a `<script type="application/json">`'s text) or an
 * object — into the widgets to render and the problems to show. Never throws: an unusable config
 * gives `problem` and no widgets; a bad widget entry gives a placeholder with its reason; what
 * cannot be kept (functions, cycles, attributes like `onclick` or `style`) is left out with a warning.
 *
 * @example
 * const { widgets, problem } = readDashboardConfig('{"widgets":[{"type":"kpi","id":"rev","metric":"revenue"}]}');
 * // widgets[0]: { id: 'rev', kind: 'kpi', tag: 'crm-kpi', attributes: { metric: 'revenue' }, cell: { x: 0, y: 0, w: 3, h: 2 }, placed: false, … }
 */
export function readDashboardConfig(input: unknown): ReadConfig {
  try {
    return read(input);
  } catch {
    // Nothing above is expected to throw; this keeps the promise if something still does.
    return unusable('This dashboard config could not be read.', []);
  }
}

function read(input: unknown): ReadConfig {
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      return unusable('This dashboard config is not valid JSON.', []);
    }
  }
  const { value, dropped } = toPlainData(input);
  const warnings = dropped.map((what) => `Left out of the config: ${what}.`);
  if (!isRecord(value)) return unusable(`This dashboard config is ${describe(value)}, not a set of settings.`, warnings);

  const config: DashboardConfig = { ...value, widgets: [] };
  for (const key of ['title', 'source', 'range'] as const) {
    if (config[key] !== undefined && typeof config[key] !== 'string') {
      warnings.push(`The ${key} was left out: it is ${describe(config[key])}, not text.`);
      delete config[key];
    }
  }
  if (config.compare !== undefined && config.compare !== 'previous_period' && config.compare !== 'previous_year') {
    warnings.push('The comparison was left out: it must be “previous_period” or “previous_year”.');
    delete config.compare;
  }
  if (config.filters !== undefined) readFilters(config, warnings);
  const columns = columnsOf(config, warnings);

  if (value.widgets === undefined) return { config, widgets: [], problem: null, warnings };
  if (!Array.isArray(value.widgets)) {
    return { config, widgets: [], problem: `The widgets of this dashboard are ${describe(value.widgets)}, not a list.`, warnings };
  }
  const entries = value.widgets;
  const ids = idsOf(entries);
  config.widgets = entries.map((entry, i) => ({ ...(isRecord(entry) ? entry : {}), id: ids[i]! }) as DashboardWidgetConfig);
  if (entries.length > MAX_WIDGETS) {
    warnings.push(`This dashboard lists ${entries.length} widgets; the first ${MAX_WIDGETS} are shown.`);
  }
  const widgets = config.widgets.slice(0, MAX_WIDGETS).map((entry, i) => readWidget(entries[i], entry, i, columns));
  entries.slice(0, MAX_WIDGETS).forEach((entry, i) => {
    const given = isRecord(entry) ? entry.id : undefined;
    if (given === undefined || given === null || given === '' || idText(given) === ids[i]) return;
    const why = idText(given) === null ? `The id ${describe(given)} is not text` : `Another widget already has the id ${quote(idText(given)!)}`;
    widgets[i]!.warnings.push(`${why}; this one is now ${quote(ids[i]!)}.`);
  });
  return { config, widgets, problem: null, warnings };
}

function unusable(problem: string, warnings: string[]): ReadConfig {
  return { config: { widgets: [] }, widgets: [], problem, warnings };
}

/** Ids for every entry: its own when it is text (or a number) used once before; else `widget-N`, free. */
function idsOf(entries: readonly unknown[]): string[] {
  const given = entries.map((entry) => (isRecord(entry) ? idText(entry.id) : null));
  const taken = new Set<string>();
  const free = new Set(given.filter((id): id is string => id !== null));
  return given.map((id, i) => {
    if (id !== null && !taken.has(id)) {
      taken.add(id);
      return id;
    }
    let generated = `widget-${i + 1}`;
    for (let n = 2; taken.has(generated) || free.has(generated); n++) generated = `widget-${i + 1}-${n}`;
    taken.add(generated);
    return generated;
  });
}

function idText(id: unknown): string | null {
  if (typeof id === 'number') return String(id);
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : null;
}

function readWidget(given: unknown, entry: DashboardWidgetConfig, index: number, columns: number): ReadWidget {
  const warnings: string[] = [];
  const kind = kindOf(entry.type);
  let problem: string | null = null;
  // An entry that is not an object is kept as one with only its id: the same placeholder after a reload.
  if (!isRecord(given)) warnings.push(`Widget ${index + 1} is ${describe(given)}, not a widget.`);
  if (entry.type === undefined || entry.type === null || entry.type === '') problem = 'No widget type given.';
  else if (kind === null) problem = typeof entry.type === 'string' ? `Unknown widget type ${quote(entry.type)}.` : `The widget type is ${describe(entry.type)}, not a name.`;
  else if (typeof entry.metric !== 'string' || entry.metric.trim() === '') {
    problem = entry.metric === undefined ? 'No metric given.' : `The metric is ${describe(entry.metric)}, not a name.`;
  }
  const size = kind ? DEFAULT_SIZES[kind] : PLACEHOLDER_SIZE;
  const { cell, placed } = cellOf(entry, size, columns, warnings);
  return {
    id: entry.id,
    kind,
    tag: kind && !problem ? tagOf(kind) : null,
    attributes: attributesOf(entry, warnings),
    cell,
    placed,
    problem,
    warnings,
    entry,
  };
}

function attributesOf(entry: DashboardWidgetConfig, warnings: string[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(entry)) {
    if (ENTRY_KEYS.has(name) || value === false || value === null) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      const kebab = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const hint = /^[a-z][a-z0-9-]*$/.test(kebab) && !refused(kebab) ? `; did you mean ${quote(kebab)}?` : '.';
      warnings.push(`${quote(name)} is not an attribute name${hint}`);
    } else if (refused(name)) {
      warnings.push(`The attribute ${quote(name)} cannot be set from a config.`);
    } else if (typeof value === 'string') {
      attributes[name] = value;
    } else if (typeof value === 'number') {
      attributes[name] = String(value);
    } else if (value === true) {
      attributes[name] = '';
    } else {
      warnings.push(`The attribute ${quote(name)} was left out: it is ${describe(value)}, not text, a number or true/false.`);
    }
  }
  return attributes;
}

function refused(name: string): boolean {
  return name.startsWith('on') || REFUSED_ATTRIBUTES.has(name);
}

function cellOf(entry: DashboardWidgetConfig, size: { w: number; h: number }, columns: number, warnings: string[]): { cell: Cell; placed: boolean } {
  const number = (key: 'x' | 'y' | 'w' | 'h'): number | null => {
    // Typed as numbers, but a config is whatever a person or a program wrote.
    const raw: unknown = entry[key];
    if (raw === undefined || raw === null) return null;
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value);
    warnings.push(`The ${CELL_WORDS[key]} ${describe(raw)} is not a number; it was left out.`);
    return null;
  };
  const fit = (key: 'x' | 'y' | 'w' | 'h', value: number | null, min: number, max: number, otherwise: number): number => {
    if (value === null) return otherwise;
    const fitted = Math.min(max, Math.max(min, value));
    if (fitted !== value) warnings.push(`The ${CELL_WORDS[key]} ${value} was changed to ${fitted} to fit the grid.`);
    return fitted;
  };
  const [x, y, w, h] = [number('x'), number('y'), number('w'), number('h')];
  const width = fit('w', w, 1, columns, Math.min(size.w, columns));
  return {
    cell: { x: fit('x', x, 0, columns - width, 0), y: fit('y', y, 0, MAX_ROW, 0), w: width, h: fit('h', h, 1, MAX_HEIGHT, size.h) },
    placed: x !== null && y !== null,
  };
}

/** x, y, w, h as a user names them. */
const CELL_WORDS = { x: 'column', y: 'row', w: 'width', h: 'height' } as const;

function columnsOf(config: DashboardConfig, warnings: string[]): number {
  if (config.columns === undefined) return DEFAULT_COLUMNS;
  const value = config.columns;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    warnings.push(`The columns ${describe(value)} is not a number; ${DEFAULT_COLUMNS} columns are used.`);
    delete config.columns;
    return DEFAULT_COLUMNS;
  }
  const fitted = Math.min(24, Math.max(1, Math.round(value)));
  if (fitted !== value) warnings.push(`The columns ${value} was changed to ${fitted} (1 to 24).`);
  return (config.columns = fitted);
}

function readFilters(config: DashboardConfig, warnings: string[]): void {
  const filters: unknown = config.filters;
  delete config.filters;
  if (!isRecord(filters)) {
    warnings.push(`The filters were left out: they are ${describe(filters)}, not a set of name and value.`);
    return;
  }
  const kept: NonNullable<DashboardConfig['filters']> = {};
  const scalar = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
  for (const [name, value] of Object.entries(filters)) {
    if (scalar(value) || typeof value === 'boolean') kept[name] = value;
    else if (Array.isArray(value) && value.every(scalar)) kept[name] = value;
    else warnings.push(`The filter ${quote(name)} was left out: its value is ${describe(value)}.`);
  }
  config.filters = kept;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a user would name it: "a number", "a list", "empty". */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'object') return 'a set of settings';
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/** Text in quotes, shortened: a config's strings go into messages only as text. */
function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `“${short}”`;
}
