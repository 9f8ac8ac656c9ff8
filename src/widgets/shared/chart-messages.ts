/** The words the funnel and campaign-ROI charts write around their numbers (English unless German). */
export interface ChartMessages {
  notAvailable: string;
  stage: string;
  value: string;
  stepConversion: string;
  overallConversion: string;
  dropOff: string;
  overall: string;
  /** "40 % of Lead": a step conversion in words. */
  stepOf: (share: string, previous: string) => string;
  droppedOff: (count: string) => string;
  /** A stage larger than the one before: said in words, never only by colour. */
  increased: string;
  funnelSummary: (label: string, stages: number, first: string, last: string, overall: string) => string;
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
  others: (count: number) => string;
  noCost: string;
  roiBars: string;
  roiScatter: string;
  roiSummary: (label: string, campaigns: number, total: string, best: string | null) => string;
  totalRoi: (roi: string) => string;
}

const en: ChartMessages = {
  notAvailable: 'n/a',
  stage: 'Stage',
  value: 'Value',
  stepConversion: 'Step conversion',
  overallConversion: 'Overall conversion',
  dropOff: 'Drop-off',
  overall: 'overall',
  stepOf: (share, previous) => `${share} of ${previous}`,
  droppedOff: (count) => `${count} dropped off`,
  increased: 'more than the previous stage',
  funnelSummary: (label, stages, first, last, overall) =>
    `${label}: ${stages} ${stages === 1 ? 'stage' : 'stages'}, from ${first} to ${last}, ${overall} overall conversion.`,
  campaign: 'Campaign',
  cost: 'Cost',
  revenue: 'Revenue',
  roi: 'ROI',
  leads: 'Leads',
  opportunities: 'Opportunities',
  won: 'Won',
  short: { leads: 'Leads', opportunities: 'Opps', won: 'Won' },
  breakEven: 'Break-even',
  others: (count) => `Others (${count})`,
  noCost: 'no cost',
  roiBars: 'ROI by campaign',
  roiScatter: 'Cost and revenue by campaign',
  roiSummary: (label, campaigns, total, best) =>
    `${label}: ${campaigns} ${campaigns === 1 ? 'campaign' : 'campaigns'}, total ROI ${total}${best ? `, best: ${best}` : ''}.`,
  totalRoi: (roi) => `ROI ${roi}`,
};

const de: ChartMessages = {
  notAvailable: 'k. A.',
  stage: 'Phase',
  value: 'Wert',
  stepConversion: 'Konversion zur Vorphase',
  overallConversion: 'Konversion gesamt',
  dropOff: 'Abgang',
  overall: 'gesamt',
  stepOf: (share, previous) => `${share} von ${previous}`,
  droppedOff: (count) => `${count} abgesprungen`,
  increased: 'mehr als die vorige Phase',
  funnelSummary: (label, stages, first, last, overall) =>
    `${label}: ${stages} ${stages === 1 ? 'Phase' : 'Phasen'}, von ${first} bis ${last}, Konversion gesamt ${overall}.`,
  campaign: 'Kampagne',
  cost: 'Kosten',
  revenue: 'Umsatz',
  roi: 'ROI',
  leads: 'Leads',
  opportunities: 'Verkaufschancen',
  won: 'Gewonnen',
  short: { leads: 'Leads', opportunities: 'Chancen', won: 'Gew.' },
  breakEven: 'Break-even',
  others: (count) => `Weitere (${count})`,
  noCost: 'keine Kosten',
  roiBars: 'ROI je Kampagne',
  roiScatter: 'Kosten und Umsatz je Kampagne',
  roiSummary: (label, campaigns, total, best) =>
    `${label}: ${campaigns} ${campaigns === 1 ? 'Kampagne' : 'Kampagnen'}, ROI gesamt ${total}${best ? `, am besten: ${best}` : ''}.`,
  totalRoi: (roi) => `ROI ${roi}`,
};

export function chartMessagesFor(locale: string): ChartMessages {
  return locale.toLowerCase().startsWith('de') ? de : en;
}
