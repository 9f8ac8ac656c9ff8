import type { FrameValue } from '../data/types.js';

/** What a drill-down carries: enough for the host CRM to open the detail behind the mark. */
export interface CrmDrilldownDetail {
  /** The metric the widget shows. */
  metric: string;
  /** The row behind the mark the user chose, as the source sent it. */
  row: Readonly<Record<string, FrameValue>>;
  /** The mark's value as a number (null when it had none). */
  value: number | null;
  /** The query's range, when the widget has one. */
  range?: string;
  /**
   * The filters that pick this mark in other queries (`{ stage: 'Proposal' }`, `{ owner: 'a12' }`):
   * what a cross-filtering dashboard filters by and the records panel shows. Empty for a KPI.
   */
  filters: Readonly<Record<string, string | number | boolean | Array<string | number>>>;
  /** The URL `drill-href` resolves to for this mark (null without one, or when it was refused). */
  href: string | null;
}

/**
 * Fired when a user clicks, or presses Enter on, a KPI, a funnel stage, a campaign or a leaderboard
 * row. Bubbles and crosses shadow roots. Cancel it (`preventDefault()`) to stop a `drill-href`
 * navigation and route in the app instead.
 *
 * @example
 * el.addEventListener('crm-drilldown', (e) => router.go(`/opportunities/${e.detail.row.id}`));
 */
export class CrmDrilldownEvent extends Event {
  readonly detail: CrmDrilldownDetail;

  constructor(detail: CrmDrilldownDetail) {
    super('crm-drilldown', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-drilldown': CrmDrilldownEvent;
  }
}
