import type { CatalogEntry, WidgetKind } from './types.js';
import { WIDGET_KINDS, kindOf } from './widget-kinds.js';

export { WIDGET_KINDS };

/** More entries than this is not a list a manager picks from; the rest are left out. */
const MAX_ENTRIES = 1000;

/** More entries than this are not looked at, whatever the list says its length is. */
const MAX_SCANNED = 100 * MAX_ENTRIES;

/** Labels and names longer than this are cut: they are shown in a list, one per line. */
const MAX_TEXT = 200;

/**
 * Reads a catalog as a server or an integrator gave it — any JSON — into well-formed entries.
 * Never throws. Not a list gives `[]`; entries without a metric name, and kinds no widget has,
 * are left out (an entry left with no kind too); kinds may be spelled `KPI` or `crm-funnel`; a
 * missing label becomes the metric in words (`win_rate` → "Win rate"); a metric listed twice keeps
 * its first entry. What was left out is said once in a console warning, naming `from`.
 *
 * @example
 * readCatalog([{ metric: 'win_rate', kinds: ['kpi', 'chart'] }, { label: 'no metric' }], 'crm catalog');
 * // [{ metric: 'win_rate', label: 'Win rate', kinds: ['kpi'] }], and a warning about the second entry
 */
export function readCatalog(value: unknown, from: string): CatalogEntry[] {
  const read = readCatalogEntries(value);
  if (!read) {
    console.warn(`crm-pulse: the catalog from ${from} is not a list of metrics; it lists nothing.`);
    return [];
  }
  const leftOut = read.listed - read.entries.length;
  if (leftOut > 0) {
    console.warn(`crm-pulse: left out ${leftOut} of the ${read.listed} catalog entries from ${from} (no metric name, no kind of widget crm-pulse has, listed twice, or beyond ${MAX_ENTRIES}).`);
  }
  return read.entries;
}

/**
 * `readCatalog` without the console: the entries, how many the list held, and how many of them
 * could not be read at all (no metric name, no known kind, not an entry) as opposed to repeated or
 * beyond the limit; null when the value is not a list (or a list that cannot say its length). For
 * a view that says in its own words what it left out (the dashboard's "Add widget" dialog).
 */
export function readCatalogEntries(value: unknown): { entries: CatalogEntry[]; listed: number; unreadable: number } | null {
  let listed: number;
  try {
    if (!Array.isArray(value)) return null;
    listed = value.length;
  } catch {
    // A proxy that throws when asked.
    return null;
  }
  const entries: CatalogEntry[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  // At most MAX_SCANNED entries are looked at: a list that says it is longer (a hostile `length`)
  // is not walked for ever; what is past it counts as left out.
  for (let i = 0; i < Math.min(listed, MAX_SCANNED) && entries.length < MAX_ENTRIES; i++) {
    const entry = entryAt(value, i);
    if (!entry) unreadable++;
    else if (!seen.has(entry.metric)) {
      seen.add(entry.metric);
      entries.push(entry);
    }
  }
  return { entries, listed, unreadable };
}

function entryAt(list: unknown[], index: number): CatalogEntry | null {
  try {
    return entryOf(list[index]);
  } catch {
    // An index getter that throws: that entry is left out, not the catalog.
    return null;
  }
}

function entryOf(raw: unknown): CatalogEntry | null {
  try {
    if (typeof raw !== 'object' || raw === null) return null;
    const { metric, label, kinds, unit, dimensions } = raw as Record<string, unknown>;
    if (typeof metric !== 'string' || metric.trim() === '') return null;
    const name = metric.trim().slice(0, MAX_TEXT);
    const known = (Array.isArray(kinds) ? kinds : [kinds]).map(kindOf).filter((k): k is WidgetKind => k !== null);
    if (known.length === 0) return null;
    const entry: CatalogEntry = {
      metric: name,
      label: typeof label === 'string' && label.trim() !== '' ? label.trim().slice(0, MAX_TEXT) : metricLabel(name),
      kinds: [...new Set(known)],
    };
    if (typeof unit === 'string' && unit.trim() !== '') entry.unit = unit.trim().slice(0, 16);
    const names = Array.isArray(dimensions) ? dimensions.filter((d): d is string => typeof d === 'string' && d.trim() !== '').map((d) => d.trim().slice(0, MAX_TEXT)) : [];
    if (names.length > 0) entry.dimensions = [...new Set(names)];
    return entry;
  } catch {
    // A getter or proxy that throws: that entry is left out, not the catalog.
    return null;
  }
}

/** A metric name in words, for a list: `win_rate` → "Win rate", `pipelineValue` → "Pipeline value". */
export function metricLabel(metric: string): string {
  const words = metric
    // camelCase words are split and lowered; all-capital words (NPS, CSAT) stay as they are.
    .replace(/([a-z0-9])([A-Z])(?=[a-z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`)
    .replace(/[_\-.\s]+/g, ' ')
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : metric;
}
