import type { WidgetKind } from './types.js';

/** Every widget kind, in the order a dashboard offers them. */
export const WIDGET_KINDS: readonly WidgetKind[] = ['kpi', 'funnel', 'campaign-roi', 'leaderboard', 'forecast', 'records'];
