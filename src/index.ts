/**
 * crm-pulse — live CRM metric widgets. Importing this entry defines each element when its tag first
 * appears in the document (`loadElements` for elements in a shadow root of your own): a page
 * downloads the widgets it shows, not all of them. The element classes are value exports of their
 * own entries (`crm-pulse/kpi`, …, `crm-pulse/dashboard`), which define them at once; here they
 * are types. The simulated CRM for demos and tests is its own entry, `crm-pulse/demo`.
 */
import { watchDocument } from './loader/element-loader.js';

watchDocument();

export { loadElements } from './loader/element-loader.js';
export { setUpdateBeat } from './widgets/shared/update-beat.js';
export * from './data/index.js';
// Types only (erased from the JavaScript): from the define modules, so that their tag names type
// `document.querySelector('crm-kpi')` for users of this entry too.
export type { CrmKpi } from './widgets/kpi/define.js';
export type { CrmFunnel } from './widgets/funnel/define.js';
export type { CrmCampaignRoi } from './widgets/campaign-roi/define.js';
export type { CrmLeaderboard } from './widgets/leaderboard/define.js';
export type { CrmForecast } from './widgets/forecast/define.js';
export type { CrmRecords } from './widgets/records/define.js';
export type { CrmDashboard } from './dashboard/define.js';
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
