import { createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
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

/**
 * A widget's side of the context protocol, for the dashboard context alone: on connect it asks with
 * a `context-request` event (`subscribe: true`) and takes every value the nearest `<crm-dashboard>`
 * (a `@lit/context` `ContextProvider`) sends, until it is disconnected. What `ContextConsumer` does
 * for this one context, in a third of its bytes, which every widget entry carries. `hostConnected()`
 * asks again (a dashboard that connects later, see `CrmMetricElement`).
 */
export class DashboardConsumer implements ReactiveController {
  /** The dashboard's context; undefined outside a dashboard. */
  value: DashboardContext | undefined = undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #host: ReactiveControllerHost & Element;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const request = { context: dashboardContext, contextTarget: this.#host, callback: this.#take, subscribe: true };
    this.#host.dispatchEvent(Object.assign(new Event('context-request', { bubbles: true, composed: true }), request));
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** One callback for every answer: a provider re-sends it when a nearer one appears, which then answers. */
  #take = (value: DashboardContext, unsubscribe?: () => void) => {
    // Another dashboard answered (a nearer one was inserted): leave the one before.
    if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
    this.#unsubscribe = unsubscribe;
    this.value = value;
    this.#host.requestUpdate();
  };
}

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
