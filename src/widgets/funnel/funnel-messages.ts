/** The words the funnel writes around its numbers (English unless German). */
export interface FunnelMessages {
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
}

const en: FunnelMessages = {
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
};

const de: FunnelMessages = {
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
};

export function funnelMessagesFor(locale: string): FunnelMessages {
  return locale.toLowerCase().startsWith('de') ? de : en;
}
