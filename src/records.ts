/** crm-pulse/records — defines `<crm-records>` only. */
export { CrmRecords } from './widgets/records/define.js';
export { CrmDrilldownEvent, type CrmDrilldownDetail } from './events/crm-drilldown.js';
export { CrmStateEvent, type CrmStateDetail, type CrmStateProblem, type WidgetState } from './events/crm-state.js';
