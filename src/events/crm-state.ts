/** A widget's data state. Reflected as its `state` attribute. */
export type WidgetState = 'loading' | 'ready' | 'stale' | 'error' | 'empty';

export interface CrmStateDetail {
  state: WidgetState;
  previous: WidgetState;
  /** The error message in the `error` state. */
  error?: string;
}

/** Fired when a widget's state changes (loading → ready, ready → stale, …). Bubbles, composed. */
export class CrmStateEvent extends Event {
  readonly detail: CrmStateDetail;

  constructor(detail: CrmStateDetail) {
    super('crm-state', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-state': CrmStateEvent;
  }
}
