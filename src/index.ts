/**
 * crm-pulse — live CRM metric widgets. Importing this entry defines every element.
 */
export * from './data/index.js';
export { CrmKpi } from './widgets/kpi/define.js';
export { CrmFunnel } from './widgets/funnel/define.js';
export { CrmCampaignRoi } from './widgets/campaign-roi/define.js';
export { CrmLeaderboard } from './widgets/leaderboard/define.js';
export type { ConversionMode } from './widgets/funnel/funnel-view.js';
export type { MetricColumn } from './widgets/campaign-roi/roi-view.js';
export { conversionRates, type StageConversion } from './metrics/conversion.js';
export { roi, type CampaignSort } from './metrics/roi.js';
export { CrmDrilldownEvent, type CrmDrilldownDetail } from './events/crm-drilldown.js';
export { CrmStateEvent, type CrmStateDetail, type WidgetState } from './events/crm-state.js';
export { formatValue, type ValueFormat } from './format/number-format.js';
