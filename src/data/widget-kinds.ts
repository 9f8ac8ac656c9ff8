import type { WidgetKind } from './types.js';

/** Every widget kind, in the order a dashboard offers them. */
export const WIDGET_KINDS: readonly WidgetKind[] = ['kpi', 'funnel', 'campaign-roi', 'leaderboard', 'forecast', 'records'];

/**
 * The kind a name gives: `kpi`, also `KPI` and `crm-kpi` (as configs and catalogs written by hand
 * spell them); null for anything else.
 */
export function kindOf(type: unknown): WidgetKind | null {
  if (typeof type !== 'string') return null;
  const name = type.trim().toLowerCase().replace(/^crm-/, '');
  return (WIDGET_KINDS as readonly string[]).includes(name) ? (name as WidgetKind) : null;
}
