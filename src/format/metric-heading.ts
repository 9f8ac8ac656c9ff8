import { isGerman } from './state-messages.js';

/**
 * German headings for the metric names CRMs commonly use. English headings come from the name
 * itself (`win_rate` → "Win rate"); other languages have no words of their own yet.
 */
const GERMAN: Readonly<Record<string, string>> = {
  revenue: 'Umsatz',
  pipeline: 'Pipeline',
  pipeline_value: 'Pipeline-Wert',
  win_rate: 'Abschlussquote',
  conversion_rate: 'Konversionsrate',
  new_leads: 'Neue Leads',
  leads: 'Leads',
  opportunities: 'Verkaufschancen',
  deals_won: 'Gewonnene Abschlüsse',
  avg_deal_size: 'Ø Auftragswert',
  open_cases: 'Offene Fälle',
  csat: 'Kundenzufriedenheit',
  churn_rate: 'Abwanderungsrate',
  avg_handle_time: 'Ø Bearbeitungszeit',
  tickets_resolved: 'Gelöste Tickets',
  funnel: 'Vertriebstrichter',
  campaigns: 'Kampagnen',
  agents: 'Mitarbeitende',
  forecast: 'Prognose',
};

/**
 * The heading a widget derives from its metric name when neither the page (`label`) nor the source
 * (a field label, used as sent) gives one, in the widget's locale: `revenue` → "Revenue", in German
 * "Umsatz"; a name without German words is written as in English.
 */
export function metricHeading(metric: string, locale: string): string {
  const known = isGerman(locale) ? GERMAN[metric.toLowerCase()] : undefined;
  if (known) return known;
  const words = metric.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
