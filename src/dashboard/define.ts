import { CrmDashboard } from './crm-dashboard.js';

/**
 * Defines `<crm-dashboard>` once. Widgets already on the page (defined before it) hear it connect
 * and ask it for its context then (see `CrmMetricElement`).
 */
if (!customElements.get('crm-dashboard')) customElements.define('crm-dashboard', CrmDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'crm-dashboard': CrmDashboard;
  }
}

export { CrmDashboard };
