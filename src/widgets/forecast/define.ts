import { CrmForecast } from './crm-forecast.js';

/** Defines `<crm-forecast>` once; a second copy of the library on the page reuses the first definition. */
if (!customElements.get('crm-forecast')) customElements.define('crm-forecast', CrmForecast);

declare global {
  interface HTMLElementTagNameMap {
    'crm-forecast': CrmForecast;
  }
}

export { CrmForecast };
