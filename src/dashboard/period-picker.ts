import { html, nothing } from 'lit';
import type { DashboardMessages } from './dashboard-messages.js';

/** The named periods the picker offers, in its order (the ranges every source is asked to know). */
export const NAMED_RANGES = ['today', 'this_week', 'this_month', 'last_30_days', 'this_quarter', 'this_year'] as const;

const CUSTOM = 'custom';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The two days of an ISO 8601 interval of dates (`2026-10-01/2026-12-31`), or null. */
export function parseInterval(range: string | undefined): { from: string; to: string } | null {
  const [from, to, extra] = (range ?? '').split('/');
  if (extra !== undefined || !from || !to || !DAY.test(from) || !DAY.test(to)) return null;
  if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return null;
  return from <= to ? { from, to } : { from: to, to: from };
}

function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** The words for a range: a named period's, an interval's dates, else the range as written. */
export function rangeText(range: string, messages: DashboardMessages, locale: string): string {
  const interval = parseInterval(range);
  if (interval) return messages.interval(formatDay(interval.from, locale), formatDay(interval.to, locale));
  return messages.ranges[range] ?? range;
}

export interface PeriodPickerOptions {
  range: string;
  messages: DashboardMessages;
  locale: string;
  /** The custom interval form is open. */
  customOpen: boolean;
  onRange: (range: string) => void;
  onCustomOpen: (open: boolean) => void;
}

/**
 * A period picker: the named periods and the one in use (a custom interval or a range the page
 * set), then "Custom…", which opens two date fields. A native `<select>` styled with the tokens:
 * keyboard and screen readers get the platform's own list behaviour.
 */
export function renderPeriodPicker(o: PeriodPickerOptions) {
  const m = o.messages;
  const known = (NAMED_RANGES as readonly string[]).includes(o.range);
  const interval = parseInterval(o.range);
  const onChange = (e: Event) => {
    const value = (e.target as HTMLSelectElement).value;
    if (value === CUSTOM) o.onCustomOpen(true);
    else {
      o.onCustomOpen(false);
      o.onRange(value);
    }
  };
  // Escape closes the form (and only the form: not the dashboard's cross-filter too).
  const onFormKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    o.onCustomOpen(false);
  };
  const onApply = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const from = (form.elements.namedItem('from') as HTMLInputElement).value;
    const to = (form.elements.namedItem('to') as HTMLInputElement).value;
    const range = parseInterval(`${from}/${to}`);
    if (!range) return;
    o.onCustomOpen(false);
    o.onRange(`${range.from}/${range.to}`);
  };
  return html`<label class="control" part="period">
      <span class="control-label">${m.period}</span>
      <select class="select" part="select" .value=${o.customOpen ? CUSTOM : o.range} @change=${onChange}>
        ${NAMED_RANGES.map((r) => html`<option value=${r} ?selected=${!o.customOpen && r === o.range}>${m.ranges[r]}</option>`)}
        ${known ? nothing : html`<option value=${o.range} ?selected=${!o.customOpen}>${rangeText(o.range, m, o.locale)}</option>`}
        <option value=${CUSTOM} ?selected=${o.customOpen}>${m.custom}</option>
      </select>
    </label>
    ${o.customOpen
      ? html`<form class="custom-range" part="custom-range" @submit=${onApply} @keydown=${onFormKey}>
          <label class="control"><span class="control-label">${m.from}</span><input class="input" part="input" type="date" name="from" required .value=${interval?.from ?? ''} /></label>
          <label class="control"><span class="control-label">${m.to}</span><input class="input" part="input" type="date" name="to" required .value=${interval?.to ?? ''} /></label>
          <button class="button" part="button" type="submit">${m.apply}</button>
        </form>`
      : nothing}`;
}
