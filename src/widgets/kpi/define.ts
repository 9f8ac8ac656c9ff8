import { CrmKpi } from './crm-kpi.js';

/** Defines `<crm-kpi>` once; a second copy of the library on the page reuses the first definition. */
if (!customElements.get('crm-kpi')) customElements.define('crm-kpi', CrmKpi);

declare global {
  interface HTMLElementTagNameMap {
    'crm-kpi': CrmKpi;
  }
}

export { CrmKpi };
