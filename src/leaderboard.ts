/** crm-pulse/leaderboard — defines `<crm-leaderboard>` only. */
export { CrmLeaderboard } from './widgets/leaderboard/define.js';
export { CrmDrilldownEvent, type CrmDrilldownDetail } from './events/crm-drilldown.js';
export { CrmStateEvent, type CrmStateDetail, type CrmStateProblem, type WidgetState } from './events/crm-state.js';
