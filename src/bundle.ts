/**
 * The single-file build (`crm-pulse/bundle`, dist/crm-pulse.bundle.js) for pages without a bundler:
 * one file that cannot split, so it defines every element at once, before anything else runs, and
 * exports their classes beside everything the `crm-pulse` entry exports.
 */
export { CrmKpi } from './widgets/kpi/define.js';
export { CrmFunnel } from './widgets/funnel/define.js';
export { CrmCampaignRoi } from './widgets/campaign-roi/define.js';
export { CrmLeaderboard } from './widgets/leaderboard/define.js';
export { CrmForecast } from './widgets/forecast/define.js';
export { CrmRecords } from './widgets/records/define.js';
export { CrmDashboard } from './dashboard/define.js';
// After the definitions: the entry's loader then finds every tag defined and watches nothing.
export * from './index.js';
