import type { DashboardConfig } from './dashboard-config.js';

/**
 * Fired by `<crm-dashboard>` after every change a user makes (period, filters, a widget moved,
 * resized, removed or added): `detail.config` is the whole config as plain JSON, for the host to
 * persist. Loading it again renders the same dashboard. Bubbles and crosses shadow roots.
 *
 * @example
 * dashboard.addEventListener('crm-config-change', (e) => fetch('/api/dashboards/7', { method: 'PUT', body: JSON.stringify(e.detail.config) }));
 */
export class CrmConfigChangeEvent extends Event {
  readonly detail: { readonly config: DashboardConfig };

  constructor(config: DashboardConfig) {
    super('crm-config-change', { bubbles: true, composed: true });
    this.detail = { config };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-config-change': CrmConfigChangeEvent;
  }
}
