/** crm-pulse/campaign-roi — defines `<crm-campaign-roi>` only. */
export { CrmCampaignRoi } from './widgets/campaign-roi/define.js';
export type { MetricColumn } from './widgets/campaign-roi/roi-view.js';
export { roi, type CampaignSort } from './metrics/roi.js';
export { CrmDrilldownEvent, type CrmDrilldownDetail } from './events/crm-drilldown.js';
export { CrmStateEvent, type CrmStateDetail, type CrmStateProblem, type WidgetState } from './events/crm-state.js';
