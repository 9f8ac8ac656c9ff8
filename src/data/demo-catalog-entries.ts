import { DEMO_KPIS } from './demo-catalog.js';
import type { CatalogEntry } from './types.js';

/** What an opportunity list can be filtered by (see `recordsSimulation`). */
const DEAL_FILTERS = ['stage', 'campaign', 'channel', 'owner', 'team', 'category'];

/** What a list of service cases can be filtered by. */
const CASE_FILTERS = ['owner', 'team', 'status', 'priority'];

/**
 * What the demo CRM answers, for a dashboard's "Add widget": every KPI (as a tile, or per agent on
 * a leaderboard, which asks for the `agent` dimension), the funnel, the campaigns, the agents'
 * tickets, the forecast, and the record lists behind them — one entry per distinct list (the
 * records of `campaigns_records` are those of `funnel_records`, so only the funnel's is listed;
 * drill-downs still ask for either). Dimensions are only those the demo honours.
 */
export function demoCatalog(): CatalogEntry[] {
  const kpis = Object.entries(DEMO_KPIS).map(([metric, kpi]): CatalogEntry => ({
    metric,
    label: kpi.label,
    kinds: ['kpi', 'leaderboard'],
    ...(kpi.unit ? { unit: kpi.unit } : {}),
    // A channel or region filter scales the sums (revenue, leads); a level (a rate) is the same in each.
    dimensions: kpi.kind === 'sum' ? ['region', 'channel', 'agent', 'team'] : ['agent', 'team'],
  }));
  return [
    ...kpis,
    { metric: 'funnel', label: 'Sales funnel', kinds: ['funnel'], dimensions: ['region', 'channel'] },
    { metric: 'campaigns', label: 'Campaigns', kinds: ['campaign-roi'], unit: 'EUR', dimensions: ['campaign', 'region', 'channel'] },
    { metric: 'agents', label: 'Tickets resolved per agent', kinds: ['leaderboard'], dimensions: ['agent', 'region', 'team'] },
    { metric: 'forecast', label: 'Sales forecast', kinds: ['forecast'], unit: 'EUR', dimensions: ['channel'] },
    { metric: 'funnel_records', label: 'Opportunities', kinds: ['records'], unit: 'EUR', dimensions: DEAL_FILTERS },
    { metric: 'pipeline_value_records', label: 'Open opportunities', kinds: ['records'], unit: 'EUR', dimensions: DEAL_FILTERS },
    { metric: 'revenue_records', label: 'Won deals', kinds: ['records'], unit: 'EUR', dimensions: DEAL_FILTERS },
    { metric: 'agents_records', label: 'Service cases', kinds: ['records'], dimensions: CASE_FILTERS },
    { metric: 'open_cases_records', label: 'Open service cases', kinds: ['records'], dimensions: CASE_FILTERS },
  ];
}
