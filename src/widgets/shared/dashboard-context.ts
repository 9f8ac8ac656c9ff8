import { createContext } from '@lit/context';
import type { MetricSource } from '../../data/types.js';
import type { Filters } from './filters.js';

/** A mark a user picked in one widget of a cross-filtering dashboard: the others filter by it. */
export interface DashboardSelection {
  /** The widget the mark is in: it highlights the mark instead of filtering itself. */
  readonly origin: Element;
  /** The filters that pick the mark (`{ stage: 'Proposal' }`). */
  readonly filters: Filters;
}

/**
 * What a `<crm-dashboard>` gives the widgets inside it. Each widget takes what it does not set
 * itself: its own attribute wins.
 */
export interface DashboardContext {
  readonly source?: string | MetricSource;
  readonly range?: string;
  readonly compare?: 'previous_period' | 'previous_year';
  readonly locale?: string;
  readonly theme?: 'light' | 'dark' | 'auto';
  /** The dashboard's filters (the filter bar), merged into every widget's query. */
  readonly filters?: Filters;
  /** Cross-filter selections, newest last. */
  readonly selections?: readonly DashboardSelection[];
}

/**
 * The context protocol key (the community context protocol, as `@lit/context` implements it). A
 * string, not a symbol: a widget from one copy of crm-pulse finds a dashboard from another (a
 * bundle on the page beside an npm build).
 */
export const dashboardContext = createContext<DashboardContext>('crm-pulse/dashboard');

/** The filters a widget's query carries: the dashboard's, then other widgets' selections, then its own. */
export function contextFilters(context: DashboardContext | undefined, self: Element, own: Filters): Filters {
  let filters: Filters = { ...context?.filters };
  for (const selection of context?.selections ?? []) if (selection.origin !== self) filters = { ...filters, ...selection.filters };
  return { ...filters, ...own };
}

/** The filters of the selections a widget made itself (its highlighted marks), or null without any. */
export function ownSelection(context: DashboardContext | undefined, self: Element): Filters | null {
  const mine = (context?.selections ?? []).filter((selection) => selection.origin === self);
  return mine.length ? Object.assign({}, ...mine.map((selection) => selection.filters)) : null;
}
