import type { CatalogEntry, WidgetKind } from '../data/types.js';
import { DEFAULT_SIZES, type DashboardConfig, type DashboardWidgetConfig, readDashboardConfig } from './dashboard-config.js';
import { toPlainData } from './plain-data.js';

/*
 * The edits edit mode makes to a config. Apart from the reader so that they load with the editor:
 * a page that only shows a dashboard does not download them.
 */

/**
 * The config with one widget changed: `change` merged into the entry with that id (a key set to
 * undefined removes that attribute; the id stays), or the widget removed when `change` is null.
 * Returns a new plain config (a read copy, see `readDashboardConfig`); the given one is not touched.
 * An id no widget has changes nothing.
 */
export function withWidget(config: DashboardConfig, id: string, change: Partial<DashboardWidgetConfig> | null): DashboardConfig {
  const next = readDashboardConfig(config).config;
  const index = next.widgets.findIndex((entry) => entry.id === id);
  if (index < 0) return next;
  if (change === null) {
    next.widgets.splice(index, 1);
    return next;
  }
  const entry: DashboardWidgetConfig = { ...next.widgets[index]! };
  for (const [key, value] of Object.entries(toPlainChange(change))) {
    if (key === 'id' || key === '__proto__') continue;
    if (value === undefined) delete entry[key];
    else entry[key] = value;
  }
  next.widgets[index] = entry;
  return next;
}

/** A change's values as plain data; a key whose value cannot be kept removes it. */
function toPlainChange(change: Partial<DashboardWidgetConfig>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof change !== 'object' || change === null || Array.isArray(change)) return out;
  for (const key of Object.keys(change)) out[key] = toPlainData(change[key]).value;
  return out;
}

/**
 * A new entry for "Add widget": `entry`'s metric and label shown as `kind`, at the kind's default
 * size, with a free id (`win_rate-kpi`, then `win_rate-kpi-2`…). Without `at`, the entry has no
 * x/y and the layout puts it in the first free place.
 */
export function newWidgetEntry(config: DashboardConfig, entry: CatalogEntry, kind: WidgetKind, at?: { x: number; y: number }): DashboardWidgetConfig {
  const taken = new Set(readDashboardConfig(config).config.widgets.map((widget) => widget.id));
  const base = `${String(entry.metric ?? '').trim() || 'widget'}-${kind}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const widget: DashboardWidgetConfig = { type: kind, id, metric: entry.metric };
  if (entry.label) widget.label = entry.label;
  // The unit the catalog gives, as the format a tile shows it in (a source's fields may say it too).
  const unit = typeof entry.unit === 'string' ? entry.unit : '';
  if (kind !== 'records' && kind !== 'forecast') {
    if (unit === '%') widget.format = 'percent';
    else if (unit === 's') widget.format = 'duration';
    else if (/^[A-Z]{3}$/.test(unit)) Object.assign(widget, { format: 'currency', currency: unit });
  }
  if (at) Object.assign(widget, { x: Math.max(0, Math.round(at.x)), y: Math.max(0, Math.round(at.y)) });
  return Object.assign(widget, DEFAULT_SIZES[kind]);
}
