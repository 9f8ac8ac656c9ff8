import { ContextRoot } from '@lit/context';
import { CrmDashboard } from './crm-dashboard.js';

/**
 * Defines `<crm-dashboard>` once. A context root on the document lets widgets that were on the
 * page before the dashboard was defined find it when it is (their requests are answered late).
 */
if (!customElements.get('crm-dashboard')) {
  new ContextRoot().attach(document.documentElement);
  customElements.define('crm-dashboard', CrmDashboard);
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-dashboard': CrmDashboard;
  }
}

export { CrmDashboard };
