import type { CrmStateProblem } from '../events/crm-state.js';

/**
 * The words every widget writes around its data state, in the widget's locale (English otherwise).
 * A widget's own words live beside the widget (`messagesFor` adds the KPI's), so an entry carries
 * only the words of the widgets it defines.
 */
export interface StateMessages {
  loading: string;
  waitingForSource: (name: string) => string;
  empty: string;
  error: string;
  retry: string;
  /** A view's code (the forecast trend, the ROI scatter) could not be loaded. */
  chartFailed: string;
  stale: string;
  asOf: (time: string) => string;
  /** Why the data is stale or missing, in words; `at` is the next attempt's time, when known. */
  reason: (problem: CrmStateProblem, at: string | null) => string;
}

/**
 * The words for each kind of problem: the retrying form (a retry note follows it), and the stopped
 * form when it differs. `unauthorized`, `silent` and `stalled` (which says "reconnecting" itself)
 * take no retry note, `unreachable` no time.
 */
type ReasonWords = Record<string, string | [retrying: string, stopped: string]>;

function reasonIn(words: ReasonWords, retryingNote: string, retryingAt: (at: string) => string): StateMessages['reason'] {
  return ({ kind, retrying }, at) => {
    const [word, stopped = word] = [words[kind] ?? words.failed!].flat();
    if (!retrying || kind === 'unauthorized' || kind === 'silent' || kind === 'stalled') return retrying ? word! : stopped!;
    return word + (at && kind !== 'unreachable' ? retryingAt(at) : retryingNote);
  };
}

const en: StateMessages = {
  loading: 'Loading…',
  waitingForSource: (name) => `Waiting for data source “${name}”…`,
  empty: 'No data for this period',
  error: 'Could not load data',
  retry: 'Retry',
  chartFailed: 'Could not load the chart',
  stale: 'Not updating',
  asOf: (time) => `as of ${time}`,
  reason: reasonIn(
    {
      unauthorized: 'Session expired — sign in again',
      forbidden: ['No access', 'No access to this data'],
      'not-found': ['Not found', 'Not available from this source'],
      'rate-limited': 'Rate limited',
      server: 'Server error',
      unreachable: 'Server unreachable',
      stalled: ['No data from the server — reconnecting', 'No data from the server'],
      silent: 'Not updating',
      failed: ['Not updating', 'Stopped updating'],
    },
    ' — retrying',
    (at) => ` — retrying at ${at}`,
  ),
};

const de: StateMessages = {
  loading: 'Wird geladen…',
  waitingForSource: (name) => `Warte auf Datenquelle „${name}“…`,
  empty: 'Keine Daten für diesen Zeitraum',
  error: 'Daten konnten nicht geladen werden',
  retry: 'Erneut versuchen',
  chartFailed: 'Diagramm konnte nicht geladen werden',
  stale: 'Nicht aktuell',
  asOf: (time) => `Stand ${time}`,
  reason: reasonIn(
    {
      unauthorized: 'Sitzung abgelaufen — bitte neu anmelden',
      forbidden: ['Kein Zugriff', 'Kein Zugriff auf diese Daten'],
      'not-found': ['Nicht gefunden', 'Von dieser Quelle nicht verfügbar'],
      'rate-limited': 'Anfragelimit erreicht',
      server: 'Serverfehler',
      unreachable: 'Server nicht erreichbar',
      stalled: ['Keine Daten vom Server — neue Verbindung läuft', 'Keine Daten vom Server'],
      silent: 'Nicht aktuell',
      failed: ['Nicht aktuell', 'Aktualisierung gestoppt'],
    },
    ' — neuer Versuch läuft',
    (at) => ` — neuer Versuch um ${at}`,
  ),
};

/** Whether `locale` is German (any region, any case): the only language besides English. */
export function isGerman(locale: string): boolean {
  return locale.toLowerCase().startsWith('de');
}

export function stateMessagesFor(locale: string): StateMessages {
  return isGerman(locale) ? de : en;
}
