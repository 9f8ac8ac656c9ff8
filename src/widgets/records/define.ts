import { CrmRecords } from './crm-records.js';

/** Defines `<crm-records>` once; a second copy of the library on the page reuses the first definition. */
if (!customElements.get('crm-records')) customElements.define('crm-records', CrmRecords);

declare global {
  interface HTMLElementTagNameMap {
    'crm-records': CrmRecords;
  }
}

export { CrmRecords };
