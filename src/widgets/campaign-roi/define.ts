import { CrmCampaignRoi } from './crm-campaign-roi.js';

/** Defines `<crm-campaign-roi>` once; a second copy of the library on the page reuses the first definition. */
if (!customElements.get('crm-campaign-roi')) customElements.define('crm-campaign-roi', CrmCampaignRoi);

declare global {
  interface HTMLElementTagNameMap {
    'crm-campaign-roi': CrmCampaignRoi;
  }
}

export { CrmCampaignRoi };
