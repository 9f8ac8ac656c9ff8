import type { CrmStateProblem } from '../events/crm-state.js';

/** The words a widget writes around the numbers, in the widget's locale (English otherwise). */
export interface Messages {
  loading: string;
  waitingForSource: (name: string) => string;
  empty: string;
  error: string;
  retry: string;
  stale: string;
  asOf: (time: string) => string;
  /** Why the data is stale or missing, in words; `at` is the next attempt's time, when known. */
  reason: (problem: CrmStateProblem, at: string | null) => string;
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
  reason: ({ kind, retrying }, at) => {
    const retry = retrying ? (at ? ` — retrying at ${at}` : ' — retrying') : '';
    switch (kind) {
      case 'unauthorized':
        return 'Session expired — sign in again';
      case 'forbidden':
        return retrying ? `No access${retry}` : 'No access to this data';
      case 'not-found':
        return retrying ? `Not found${retry}` : 'Not available from this source';
      case 'rate-limited':
        return `Rate limited${retry}`;
      case 'server':
        return `Server error${retry}`;
      case 'unreachable':
        return `Server unreachable${retrying ? ' — retrying' : ''}`;
      case 'silent':
        return 'Not updating';
      default:
        return retrying ? `Not updating${retry}` : 'Stopped updating';
    }
  },
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
  reason: ({ kind, retrying }, at) => {
    const retry = retrying ? (at ? ` — neuer Versuch um ${at}` : ' — neuer Versuch läuft') : '';
    switch (kind) {
      case 'unauthorized':
        return 'Sitzung abgelaufen — bitte neu anmelden';
      case 'forbidden':
        return retrying ? `Kein Zugriff${retry}` : 'Kein Zugriff auf diese Daten';
      case 'not-found':
        return retrying ? `Nicht gefunden${retry}` : 'Von dieser Quelle nicht verfügbar';
      case 'rate-limited':
        return `Anfragelimit erreicht${retry}`;
      case 'server':
        return `Serverfehler${retry}`;
      case 'unreachable':
        return `Server nicht erreichbar${retrying ? ' — neuer Versuch läuft' : ''}`;
      case 'silent':
        return 'Nicht aktuell';
      default:
        return retrying ? `Nicht aktuell${retry}` : 'Aktualisierung gestoppt';
    }
  },
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
