/**
 * crm-pulse/dashboard — defines `<crm-dashboard>`; the widgets it places are loaded when a config
 * or a child needs them.
 */
export { CrmDashboard } from './dashboard/define.js';
export { CrmConfigChangeEvent } from './dashboard/crm-config-change.js';
export { type Cell, type DashboardConfig, type DashboardWidgetConfig, type ReadConfig, type ReadWidget, readDashboardConfig } from './dashboard/dashboard-config.js';
export type { DashboardContext, DashboardSelection } from './widgets/shared/dashboard-context.js';
export { CrmDrilldownEvent, type CrmDrilldownDetail } from './events/crm-drilldown.js';
export { CrmStateEvent, type CrmStateDetail, type CrmStateProblem, type WidgetState } from './events/crm-state.js';
