/**
 * crm-pulse — live CRM metric widgets. Importing this entry defines every element. The simulated
 * CRM for demos and tests is its own entry, `crm-pulse/demo`.
 */
export * from './data/index.js';
export { CrmKpi } from './widgets/kpi/define.js';
export { CrmFunnel } from './widgets/funnel/define.js';
export { CrmCampaignRoi } from './widgets/campaign-roi/define.js';
export { CrmLeaderboard } from './widgets/leaderboard/define.js';
export { CrmForecast } from './widgets/forecast/define.js';
export { CrmRecords } from './widgets/records/define.js';
export { CrmDashboard } from './dashboard/define.js';
export { CrmConfigChangeEvent } from './dashboard/crm-config-change.js';
export { type Cell, type DashboardConfig, type DashboardWidgetConfig, type ReadConfig, type ReadWidget, readDashboardConfig } from './dashboard/dashboard-config.js';
export type { DashboardContext, DashboardSelection } from './widgets/shared/dashboard-context.js';
export type { ConversionMode } from './widgets/funnel/funnel-view.js';
export type { MetricColumn } from './widgets/campaign-roi/roi-view.js';
export { conversionRates, type StageConversion } from './metrics/conversion.js';
export { roi, type CampaignSort } from './metrics/roi.js';
export { FORECAST_CATEGORIES, type ForecastFigures, amountsFromLevels, categoryKey, forecastFigures, totalFigures } from './metrics/forecast.js';
export { CrmDrilldownEvent, type CrmDrilldownDetail } from './events/crm-drilldown.js';
export { CrmStateEvent, type CrmStateDetail, type CrmStateProblem, type WidgetState } from './events/crm-state.js';
export { formatValue, type ValueFormat } from './format/number-format.js';
