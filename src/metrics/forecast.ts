/**
 * The forecast categories CRMs share (Salesforce's ForecastCategoryName, HubSpot's forecast
 * categories), in stack order. Each row carries the amount of one category alone, so the forecast
 * levels are cumulative: commit = closed + commit, best case = that + best case, pipeline = all.
 * `omitted` is known but never summed.
 */
export const FORECAST_CATEGORIES = ['closed', 'commit', 'best_case', 'pipeline'] as const;
export const OMITTED = 'omitted';

/** `Best Case`, `best-case`, ` BEST_CASE ` → `best_case`: how CRMs spell one category. */
export function categoryKey(raw: unknown): string {
  return raw === null || raw === undefined ? '' : String(raw).trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** What a sales lead reads of one group: how much is closed, the call, and where it lands against quota. */
export interface ForecastFigures {
  /** The running total at the end of each category's segment (closed, closed + commit, …). */
  levels: number[];
  closed: number;
  /** Closed + commit: what the group says it will land. */
  call: number;
  /** Every summed category: the end of the bar. */
  total: number;
  quota: number | null;
  /** Call ÷ quota; null without a quota or with a quota of 0 ("n/a", never Infinity or "0 %"). */
  attainment: number | null;
  /** Quota − call: above 0 still to go, below 0 over quota; null where attainment is. */
  gap: number | null;
}

/**
 * The figures of a group from its category amounts in stack order (closed first, then commit; an
 * unusable amount counts as 0) and its quota (null: none).
 */
export function forecastFigures(amounts: ReadonlyArray<number | null>, quota: number | null): ForecastFigures {
  let running = 0;
  const levels = amounts.map((a) => (running += a ?? 0));
  const closed = levels[0] ?? 0;
  const call = levels[1] ?? closed;
  const counts = quota !== null && quota > 0;
  return {
    levels,
    closed,
    call,
    total: running,
    quota,
    attainment: counts ? call / quota : null,
    gap: counts ? quota - call : null,
  };
}

/**
 * Per-category amounts from cumulative levels (a CRM that reports "best case" as closed + commit +
 * best case). A level below the one before is not cumulative: its category gets 0, the running level
 * stays where it was, and its index is reported so the chart can say so.
 */
export function amountsFromLevels(levels: ReadonlyArray<number | null>): { amounts: Array<number | null>; notCumulative: number[] } {
  const notCumulative: number[] = [];
  let reached = 0;
  const amounts = levels.map((level, i) => {
    if (level === null) return null;
    if (level < reached) {
      notCumulative.push(i);
      return 0;
    }
    const amount = level - reached;
    reached = level;
    return amount;
  });
  return { amounts, notCumulative };
}

/** The total of several groups: amounts added per category; the quota only when every group has one. */
export function totalFigures(groups: ReadonlyArray<{ amounts: ReadonlyArray<number | null>; quota: number | null }>, quota?: number | null): ForecastFigures {
  const width = Math.max(0, ...groups.map((g) => g.amounts.length));
  const amounts = Array.from({ length: width }, (_, i) => groups.reduce((sum, g) => sum + (g.amounts[i] ?? 0), 0));
  const all = groups.every((g) => g.quota !== null) ? groups.reduce((sum, g) => sum + g.quota!, 0) : null;
  return forecastFigures(amounts, quota ?? all);
}
