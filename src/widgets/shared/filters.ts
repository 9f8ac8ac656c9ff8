import type { ComplexAttributeConverter } from 'lit';
import type { MetricQuery } from '../../data/types.js';

export type Filters = NonNullable<MetricQuery['filters']>;

/**
 * Filters from their attribute form, `stage=Proposal;owner=a12`: pairs split at `;`, name and value
 * at the first `=`, both trimmed and percent-decoded (`%3B` is a `;` inside a value). Pairs without
 * a name or a value are skipped; a malformed escape is kept as written.
 */
export function parseFilters(text: string | null | undefined): Filters {
  const filters: Filters = {};
  for (const pair of (text ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const name = decode(pair.slice(0, at).trim());
    const value = decode(pair.slice(at + 1).trim());
    if (name && value) filters[name] = value;
  }
  return filters;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * What a `filters` value means, however it was set: an object as it is (entries whose value is
 * undefined, null, '' or not finite are dropped; a list keeps its text and finite numbers), a string (a framework setting the property from markup) in
 * its attribute form, anything else as no filters.
 */
export function normalizeFilters(value: unknown): Filters {
  if (typeof value === 'string') return parseFilters(value);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Filters = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' ? v !== '' : (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') out[name] = v as string | number | boolean;
    else if (Array.isArray(v)) {
      // A list of values: only text and finite numbers (a query key must be able to write it).
      const values = v.filter((x): x is string | number => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)));
      if (values.length) out[name] = values;
    }
  }
  return out;
}

/** The `filters` attribute → property converter. Not reflected: a page's filters stay its own attribute. */
export const filtersConverter: ComplexAttributeConverter<Filters | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : parseFilters(value)),
};

/** The filter that picks one value of a field (`{ stage: 'Proposal' }`); none for a missing value. */
export function filterOf(field: string, value: unknown): Filters {
  return typeof value === 'string' ? (value ? { [field]: value } : {}) : typeof value === 'number' || typeof value === 'boolean' ? { [field]: value } : {};
}
