/** The words a records table writes around its cells, in its locale (English otherwise). */
export interface RecordsMessages {
  /** "1,284 records": the count, already formatted. */
  count: (n: number, formatted: string) => string;
  /** "100 of 1,284 records" when `limit` cuts the list. */
  countOf: (shown: string, total: number, formatted: string) => string;
  none: string;
  noneFiltered: string;
  unnamed: string;
  ascending: string;
  descending: string;
  /** The label of the phone layout's row of sort buttons. */
  sortBy: string;
  duplicates: (n: string) => string;
  /** A long list's scrolling code could not be fetched: only its first rows show. */
  restFailed: string;
}

const en: RecordsMessages = {
  count: (n, f) => `${f} ${n === 1 ? 'record' : 'records'}`,
  countOf: (shown, total, f) => `${shown} of ${f} ${total === 1 ? 'record' : 'records'}`,
  none: 'No records',
  noneFiltered: 'No records match these filters',
  unnamed: 'Unnamed',
  ascending: 'ascending',
  descending: 'descending',
  sortBy: 'Sort by',
  duplicates: (n) => `${n} repeated ${n === '1' ? 'ID' : 'IDs'}: each row is shown`,
  restFailed: 'Could not load the rest of the list',
};

const de: RecordsMessages = {
  count: (n, f) => `${f} ${n === 1 ? 'Datensatz' : 'Datensätze'}`,
  countOf: (shown, _total, f) => `${shown} von ${f} Datensätzen`,
  none: 'Keine Datensätze',
  noneFiltered: 'Keine Datensätze für diese Filter',
  unnamed: 'Ohne Namen',
  ascending: 'aufsteigend',
  descending: 'absteigend',
  sortBy: 'Sortieren nach',
  duplicates: (n) => `${n} doppelte ${n === '1' ? 'ID' : 'IDs'}: jede Zeile wird gezeigt`,
  restFailed: 'Der Rest der Liste konnte nicht geladen werden',
};

export function recordsMessagesFor(locale: string): RecordsMessages {
  return locale.toLowerCase().startsWith('de') ? de : en;
}
