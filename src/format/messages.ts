/** The words a widget writes around the numbers, in the widget's locale (English otherwise). */
export interface Messages {
  loading: string;
  waitingForSource: (name: string) => string;
  empty: string;
  error: string;
  retry: string;
  stale: string;
  asOf: (time: string) => string;
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
  loading: 'Loading…',
  waitingForSource: (name) => `Waiting for data source “${name}”…`,
  empty: 'No data for this period',
  error: 'Could not load data',
  retry: 'Retry',
  stale: 'Not updating',
  asOf: (time) => `as of ${time}`,
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
  loading: 'Wird geladen…',
  waitingForSource: (name) => `Warte auf Datenquelle „${name}“…`,
  empty: 'Keine Daten für diesen Zeitraum',
  error: 'Daten konnten nicht geladen werden',
  retry: 'Erneut versuchen',
  stale: 'Nicht aktuell',
  asOf: (time) => `Stand ${time}`,
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
  return locale.toLowerCase().startsWith('de') ? de : en;
}
