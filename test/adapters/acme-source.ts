// The worked example of docs/writing-an-adapter.md, verbatim but for the import paths: an adapter
// for a CRM whose REST API answers its own report shape.
import type { MetricFrame, MetricQuery } from '../../src/data/types.js';
import { pollingSource } from '../../src/data/polling-source.js';

/** What Acme CRM's `GET /v2/reports/<report>?period=…` answers. */
interface AcmeReport {
  report: string;
  currency?: string;
  generated_at: string;
  series: Array<{ date: string; total_to_date: number }>;
  previous_total?: number;
  goal?: number;
}

/** crm-pulse ranges in Acme's words. */
const PERIODS: Record<string, string> = { today: 'day', this_month: 'month', this_quarter: 'quarter', this_year: 'year' };

export function acmeSource(baseUrl: string, token: () => string) {
  return pollingSource({
    url: (q: MetricQuery) => `${baseUrl}/v2/reports/${encodeURIComponent(q.metric)}?period=${PERIODS[q.range ?? 'this_quarter'] ?? 'quarter'}`,
    headers: () => ({ Authorization: `Bearer ${token()}` }),
    intervalMs: 30_000,
    toFrame: (body) => acmeReportToFrame(body as AcmeReport),
  });
}

/** One KPI frame: a row per day for the sparkline; the last row is today's value with its comparisons. */
export function acmeReportToFrame(report: AcmeReport): MetricFrame {
  const rows = report.series.map((point) => ({ time: Date.parse(point.date), value: point.total_to_date }));
  const last = rows.at(-1);
  if (last) Object.assign(last, { previous: report.previous_total ?? null, target: report.goal ?? null });
  const unit = report.currency ? { unit: report.currency } : {};
  return {
    rows,
    fields: [
      { name: 'time', type: 'time' },
      { name: 'value', type: 'number', ...unit },
      { name: 'previous', type: 'number', ...unit },
      { name: 'target', type: 'number', ...unit },
    ],
    asOf: Date.parse(report.generated_at),
  };
}
