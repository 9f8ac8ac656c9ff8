/** The words of a dashboard's own controls, in its locale (English otherwise). */
export interface DashboardMessages {
  period: string;
  /** The named periods, by range value. */
  ranges: Readonly<Record<string, string>>;
  custom: string;
  from: string;
  to: string;
  apply: string;
  /** A custom interval as the picker shows it ("1 Oct 2026 – 31 Dec 2026"). */
  interval: (from: string, to: string) => string;
  all: string;
  filters: string;
  /** A chip's remove button ("Remove filter Region: EMEA"). */
  removeFilter: (chip: string) => string;
  clearAll: string;
  /** What a cross-filter chip says to screen readers beside its text ("selected in Pipeline"). */
  selectedIn: (widget: string) => string;
  /** Said when a cross-filter is added ("Filtered by Stage: Proposal"). */
  filteredBy: (chip: string) => string;
  filtersCleared: string;
  edit: string;
  done: string;
  addWidget: string;
  reset: string;
  back: string;
  /** The records panel's heading ("Records behind Pipeline: Proposal"). */
  recordsBehind: (what: string) => string;
  /** A widget that cannot be shown, with the reason. */
  cannotShow: string;
  empty: string;
}

const en: DashboardMessages = {
  period: 'Period',
  ranges: { today: 'Today', this_week: 'This week', this_month: 'This month', last_30_days: 'Last 30 days', this_quarter: 'This quarter', this_year: 'This year' },
  custom: 'Custom…',
  from: 'From',
  to: 'To',
  apply: 'Apply',
  interval: (from, to) => `${from} – ${to}`,
  all: 'All',
  filters: 'Filters',
  removeFilter: (chip) => `Remove filter ${chip}`,
  clearAll: 'Clear all',
  selectedIn: (widget) => `selected in ${widget}`,
  filteredBy: (chip) => `Filtered by ${chip}`,
  filtersCleared: 'Filters cleared',
  edit: 'Edit',
  done: 'Done',
  addWidget: 'Add widget',
  reset: 'Reset layout',
  back: 'Back to the dashboard',
  recordsBehind: (what) => `Records behind ${what}`,
  cannotShow: 'This widget cannot be shown',
  empty: 'No widgets yet',
};

const de: DashboardMessages = {
  period: 'Zeitraum',
  ranges: { today: 'Heute', this_week: 'Diese Woche', this_month: 'Dieser Monat', last_30_days: 'Letzte 30 Tage', this_quarter: 'Dieses Quartal', this_year: 'Dieses Jahr' },
  custom: 'Benutzerdefiniert…',
  from: 'Von',
  to: 'Bis',
  apply: 'Anwenden',
  interval: (from, to) => `${from} – ${to}`,
  all: 'Alle',
  filters: 'Filter',
  removeFilter: (chip) => `Filter ${chip} entfernen`,
  clearAll: 'Alle entfernen',
  selectedIn: (widget) => `ausgewählt in ${widget}`,
  filteredBy: (chip) => `Gefiltert nach ${chip}`,
  filtersCleared: 'Filter entfernt',
  edit: 'Bearbeiten',
  done: 'Fertig',
  addWidget: 'Widget hinzufügen',
  reset: 'Layout zurücksetzen',
  back: 'Zurück zum Dashboard',
  recordsBehind: (what) => `Datensätze zu ${what}`,
  cannotShow: 'Dieses Widget kann nicht angezeigt werden',
  empty: 'Noch keine Widgets',
};

export function dashboardMessagesFor(locale: string): DashboardMessages {
  return locale.toLowerCase().startsWith('de') ? de : en;
}
