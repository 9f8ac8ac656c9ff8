/**
 * crm-pulse — live CRM metric widgets. Importing this entry defines every element.
 */
export * from './data/index.js';
export { CrmKpi } from './widgets/kpi/define.js';
export { CrmDrilldownEvent, type CrmDrilldownDetail } from './events/crm-drilldown.js';
export { CrmStateEvent, type CrmStateDetail, type WidgetState } from './events/crm-state.js';
export { formatValue, type ValueFormat } from './format/number-format.js';
