import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { humanize } from '../widgets/shared/crm-metric-element.js';
import type { Filters } from '../widgets/shared/filters.js';
import type { DashboardMessages } from './dashboard-messages.js';

/** One active filter as the bar shows it. */
export interface FilterChip {
  /** Stable across renders: `filter:region`, or `selection:3:stage`. */
  key: string;
  field: string;
  /** The value as text ("EMEA"; a list joined by ", "). */
  value: string;
  /** A filter of the bar (or the page), or a cross-filter selection made in a widget. */
  kind: 'filter' | 'selection';
  /** For a selection: the widget it was made in, said to screen readers ("selected in Pipeline"). */
  from?: string;
}

/** A filter value as text. */
export function filterText(value: Filters[string]): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

export function chipText(chip: FilterChip): string {
  return `${humanize(chip.field)}: ${chip.value}`;
}

/**
 * `region=EMEA,Americas,APAC;channel=direct,partner`: the choices the filter bar offers per field
 * (pairs split at `;`, choices at `,`, all trimmed; empty ones skipped).
 */
export function parseFilterOptions(text: string | null | undefined): Record<string, string[]> {
  const options: Record<string, string[]> = {};
  for (const pair of (text ?? '').split(';')) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim();
    const choices = pair.slice(at + 1).split(',').map((c) => c.trim()).filter(Boolean);
    if (at > 0 && field && choices.length) options[field] = [...new Set(choices)];
  }
  return options;
}

export interface FilterSelectsOptions {
  options: Readonly<Record<string, readonly string[]>>;
  filters: Filters;
  messages: DashboardMessages;
  onFilter: (field: string, value: string | null) => void;
}

/** A select per filterable field ("Region: All ▾"): picking a value sets the dashboard's filter. */
export function renderFilterSelects(o: FilterSelectsOptions) {
  return Object.entries(o.options).map(([field, choices]) => {
    const current = field in o.filters ? filterText(o.filters[field]!) : '';
    const listed = current === '' || choices.includes(current);
    return html`<label class="control" part="filter">
      <span class="control-label">${humanize(field)}</span>
      <select
        class="select"
        part="select"
        .value=${current}
        @change=${(e: Event) => o.onFilter(field, (e.target as HTMLSelectElement).value || null)}
      >
        <option value="" ?selected=${current === ''}>${o.messages.all}</option>
        ${choices.map((c) => html`<option value=${c} ?selected=${c === current}>${c}</option>`)}
        ${listed ? nothing : html`<option value=${current} selected>${current}</option>`}
      </select>
    </label>`;
  });
}

export interface ChipsOptions {
  chips: readonly FilterChip[];
  messages: DashboardMessages;
  onRemove: (chip: FilterChip) => void;
  onClear: () => void;
}

/** The active filters as removable chips, and "Clear all" when there are two or more. */
export function renderChips(o: ChipsOptions) {
  if (!o.chips.length) return nothing;
  const m = o.messages;
  return html`<ul class="chips" part="chips" aria-label=${m.filters}>
    ${repeat(
      o.chips,
      (chip) => chip.key,
      (chip) => html`<li class=${`chip ${chip.kind}`} part=${`chip chip-${chip.kind}`}>
        <span class="chip-text">${chipText(chip)}</span>${chip.from ? html`<span class="sr-only">, ${m.selectedIn(chip.from)}</span>` : nothing}
        <button class="chip-remove" part="chip-remove" type="button" aria-label=${m.removeFilter(chipText(chip))} data-chip=${chip.key} @click=${() => o.onRemove(chip)}>
          <span aria-hidden="true">✕</span>
        </button>
      </li>`,
    )}
    ${o.chips.length > 1 ? html`<li><button class="clear-all" part="clear-all" type="button" @click=${o.onClear}>${m.clearAll}</button></li>` : nothing}
  </ul>`;
}
