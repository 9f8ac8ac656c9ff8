/** The words the forecast writes around its numbers (English unless German). */
export interface ForecastMessages {
  /** Default labels of the known categories, by key. */
  categories: Record<string, string>;
  total: string;
  /** The name of rows without a group: the only group, or one among named ones. */
  all: string;
  other: string;
  call: string;
  quota: string;
  noQuota: string;
  notAvailable: string;
  attainment: string;
  gap: string;
  group: string;
  notSummed: string;
  unusable: string;
  notCumulative: string;
  /** What a category that is not cumulative is counted as, said in tooltips and the table. */
  countedAsZero: string;
  cumulative: string;
  ofQuota: (share: string, quota: string) => string;
  toGo: (amount: string) => string;
  over: (amount: string) => string;
  summary: (label: string, groups: number, call: string, attainment: string | null) => string;
}

const en: ForecastMessages = {
  categories: { closed: 'Closed', commit: 'Commit', best_case: 'Best case', pipeline: 'Pipeline', omitted: 'Omitted' },
  total: 'Total',
  all: 'All',
  other: 'Other',
  call: 'Call',
  quota: 'Quota',
  noQuota: 'no quota',
  notAvailable: 'n/a',
  attainment: 'Attainment',
  gap: 'Gap to quota',
  group: 'Group',
  notSummed: 'not summed',
  unusable: 'no usable value',
  notCumulative: 'not cumulative',
  countedAsZero: 'below the category before, counted as 0',
  cumulative: 'Cumulative',
  ofQuota: (share, quota) => `${share} of ${quota}`,
  toGo: (amount) => `${amount} to go`,
  over: (amount) => `${amount} over`,
  summary: (label, groups, call, attainment) =>
    `${label}: ${groups} ${groups === 1 ? 'group' : 'groups'}, call ${call}${attainment ? `, ${attainment} of quota` : ''}.`,
};

const de: ForecastMessages = {
  categories: { closed: 'Abgeschlossen', commit: 'Commit', best_case: 'Best Case', pipeline: 'Pipeline', omitted: 'Ausgelassen' },
  total: 'Gesamt',
  all: 'Alle',
  other: 'Sonstige',
  call: 'Prognose',
  quota: 'Quote',
  noQuota: 'keine Quote',
  notAvailable: 'k. A.',
  attainment: 'Zielerreichung',
  gap: 'Abstand zur Quote',
  group: 'Gruppe',
  notSummed: 'nicht summiert',
  unusable: 'kein gültiger Wert',
  notCumulative: 'nicht kumulativ',
  countedAsZero: 'kleiner als die Kategorie davor, als 0 gezählt',
  cumulative: 'Kumuliert',
  ofQuota: (share, quota) => `${share} von ${quota}`,
  toGo: (amount) => `noch ${amount}`,
  over: (amount) => `${amount} darüber`,
  summary: (label, groups, call, attainment) =>
    `${label}: ${groups} ${groups === 1 ? 'Gruppe' : 'Gruppen'}, Prognose ${call}${attainment ? `, ${attainment} der Quote` : ''}.`,
};

export function forecastMessagesFor(locale: string): ForecastMessages {
  return locale.toLowerCase().startsWith('de') ? de : en;
}
