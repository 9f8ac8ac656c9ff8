/** crm-pulse/funnel — defines `<crm-funnel>` only. */
export { CrmFunnel } from './widgets/funnel/define.js';
export type { ConversionMode } from './widgets/funnel/funnel-view.js';
export { conversionRates, type StageConversion } from './metrics/conversion.js';
export { CrmDrilldownEvent, type CrmDrilldownDetail } from './events/crm-drilldown.js';
export { CrmStateEvent, type CrmStateDetail, type CrmStateProblem, type WidgetState } from './events/crm-state.js';
