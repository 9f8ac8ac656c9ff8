/** The words the campaign-ROI chart writes around its numbers (English unless German). */
export interface RoiMessages {
  notAvailable: string;
  campaign: string;
  cost: string;
  revenue: string;
  roi: string;
  leads: string;
  opportunities: string;
  won: string;
  /** Column headers where space is short. */
  short: { leads: string; opportunities: string; won: string };
  breakEven: string;
  /** Requested count columns the chart has no room for (their numbers are in the tooltip and table). */
  moreColumns: (count: number) => string;
  /** The list of campaigns numbered on the scatter where a name has no room beside its bubble. */
  legend: string;
  others: (count: number) => string;
  noCost: string;
  roiBars: string;
  roiScatter: string;
  roiSummary: (label: string, campaigns: number, total: string, best: string | null) => string;
  totalRoi: (roi: string) => string;
}

const en: RoiMessages = {
  notAvailable: 'n/a',
  campaign: 'Campaign',
  cost: 'Cost',
  revenue: 'Revenue',
  roi: 'ROI',
  leads: 'Leads',
  opportunities: 'Opportunities',
  won: 'Won',
  short: { leads: 'Leads', opportunities: 'Opps', won: 'Won' },
  breakEven: 'Break-even',
  moreColumns: (count) => `+${count} ${count === 1 ? 'column' : 'columns'}`,
  legend: 'Numbered campaigns',
  others: (count) => `Others (${count})`,
  noCost: 'no cost',
  roiBars: 'ROI by campaign',
  roiScatter: 'Cost and revenue by campaign',
  roiSummary: (label, campaigns, total, best) =>
    `${label}: ${campaigns} ${campaigns === 1 ? 'campaign' : 'campaigns'}, total ROI ${total}${best ? `, best: ${best}` : ''}.`,
  totalRoi: (roi) => `ROI ${roi}`,
};

const de: RoiMessages = {
  notAvailable: 'k. A.',
  campaign: 'Kampagne',
  cost: 'Kosten',
  revenue: 'Umsatz',
  roi: 'ROI',
  leads: 'Leads',
  opportunities: 'Verkaufschancen',
  won: 'Gewonnen',
  short: { leads: 'Leads', opportunities: 'Chancen', won: 'Gew.' },
  breakEven: 'Break-even',
  moreColumns: (count) => `+${count} ${count === 1 ? 'Spalte' : 'Spalten'}`,
  legend: 'Nummerierte Kampagnen',
  others: (count) => `Weitere (${count})`,
  noCost: 'keine Kosten',
  roiBars: 'ROI je Kampagne',
  roiScatter: 'Kosten und Umsatz je Kampagne',
  roiSummary: (label, campaigns, total, best) =>
    `${label}: ${campaigns} ${campaigns === 1 ? 'Kampagne' : 'Kampagnen'}, ROI gesamt ${total}${best ? `, am besten: ${best}` : ''}.`,
  totalRoi: (roi) => `ROI ${roi}`,
};

export function roiMessagesFor(locale: string): RoiMessages {
  return locale.toLowerCase().startsWith('de') ? de : en;
}
