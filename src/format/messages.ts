import { type StateMessages, isGerman, stateMessagesFor } from './state-messages.js';

/** The words of a KPI tile beside the state words every widget shares (English unless German). */
export interface Messages extends StateMessages {
  vsPrevious: { previous_period: string; previous_year: string };
  ofTarget: (share: string, target: string) => string;
  up: string;
  down: string;
  unchanged: string;
  trend: string;
  time: string;
  value: string;
}

const en: Messages = {
  ...stateMessagesFor('en'),
  vsPrevious: { previous_period: 'vs. previous period', previous_year: 'vs. previous year' },
  ofTarget: (share, target) => `${share} of target ${target}`,
  up: 'up',
  down: 'down',
  unchanged: 'unchanged',
  trend: 'Trend',
  time: 'Time',
  value: 'Value',
};

const de: Messages = {
  ...stateMessagesFor('de'),
  vsPrevious: { previous_period: 'ggü. Vorperiode', previous_year: 'ggü. Vorjahr' },
  ofTarget: (share, target) => `${share} vom Ziel ${target}`,
  up: 'gestiegen',
  down: 'gesunken',
  unchanged: 'unverändert',
  trend: 'Verlauf',
  time: 'Zeit',
  value: 'Wert',
};

export function messagesFor(locale: string): Messages {
  return isGerman(locale) ? de : en;
}
