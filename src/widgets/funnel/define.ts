import { CrmFunnel } from './crm-funnel.js';

/** Defines `<crm-funnel>` once; a second copy of the library on the page reuses the first definition. */
if (!customElements.get('crm-funnel')) customElements.define('crm-funnel', CrmFunnel);

declare global {
  interface HTMLElementTagNameMap {
    'crm-funnel': CrmFunnel;
  }
}

export { CrmFunnel };
