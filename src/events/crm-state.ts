import type { ProblemKind } from '../data/source-errors.js';

/** A widget's data state. Reflected as its `state` attribute. */
export type WidgetState = 'loading' | 'ready' | 'stale' | 'error' | 'empty';

/** Why a widget's data is stale or missing, as its tile says it in words. */
export interface CrmStateProblem {
  /** What went wrong; `silent` when the source simply stopped confirming its data within `stale-after`. */
  kind: ProblemKind | 'silent';
  /** Whether the widget keeps asking by itself; false: it waits for Retry or a new query. */
  retrying: boolean;
  /** Epoch ms of the next attempt, when known (e.g. from `Retry-After`). */
  retryAt?: number;
  /** The error's own message or the connection's reason, when there is one. */
  message?: string;
}

export interface CrmStateDetail {
  state: WidgetState;
  previous: WidgetState;
  /** The error message in the `error` state (and in `stale` when an error made it stale). */
  error?: string;
  /** Why the data is stale or missing (absent while `ready`). */
  problem?: CrmStateProblem;
}

/**
 * Fired when a widget's state changes (loading → ready, ready → stale, …), and when the reason
 * for a stale or error state changes (e.g. from "server unreachable" to "session expired").
 * Bubbles, composed.
 */
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
