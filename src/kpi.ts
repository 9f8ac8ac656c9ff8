/** crm-pulse/kpi — defines `<crm-kpi>` only. */
export { CrmKpi } from './widgets/kpi/define.js';
export { CrmDrilldownEvent, type CrmDrilldownDetail } from './events/crm-drilldown.js';
export { CrmStateEvent, type CrmStateDetail, type CrmStateProblem, type WidgetState } from './events/crm-state.js';
