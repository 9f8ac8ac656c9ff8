import type { AddWidgetMessages } from './add-widget-dialog.js';
import type { GridEditorMessages } from './grid-editor.js';

/** Edit mode's words in German (English is the controllers' own default). */
const de: { editor: GridEditorMessages; dialog: AddWidgetMessages } = {
  editor: {
    move: (label) => `${label} verschieben`,
    resize: (label) => `Größe von ${label} ändern`,
    remove: (label) => `${label} entfernen`,
    hint: 'Ziehen, oder mit den Pfeiltasten um eine Zelle verschieben; Umschalt mit den Pfeiltasten, oder die Pfeiltasten am Größengriff, ändern die Größe.',
    moved: (label, column, row) => `${label} nach Spalte ${column}, Zeile ${row} verschoben`,
    movedTo: (label, position, count) => `${label} an Position ${position} von ${count} verschoben`,
    resized: (label, columns, rows) => `${label}: ${columns} ${columns === 1 ? 'Spalte' : 'Spalten'} × ${rows} ${rows === 1 ? 'Zeile' : 'Zeilen'}`,
    cannot: (label) => `${label} kann nicht weiter`,
    cancelled: (label) => `Verschieben von ${label} abgebrochen`,
    removed: (label) => `${label} entfernt`,
  },
  dialog: {
    title: 'Widget hinzufügen',
    close: 'Schließen',
    loading: 'Die Kennzahlen dieser Quelle werden geladen…',
    search: 'Kennzahlen suchen',
    addAs: (label, kind) => `${label} als ${kind} hinzufügen`,
    noMatch: (query) => `Keine Kennzahl passt zu „${query}“.`,
    empty: 'Diese Quelle nennt keine Kennzahlen.',
    noCatalog: 'Diese Quelle nennt ihre Kennzahlen nicht.',
    failed: (reason) => `Die Liste der Kennzahlen konnte nicht geladen werden: ${reason}`,
    notAList: 'Die Quelle hat mit etwas geantwortet, das keine Liste von Kennzahlen ist.',
    retry: 'Erneut versuchen',
    skipped: (count) => `${count} ${count === 1 ? 'Eintrag' : 'Einträge'} der Liste ${count === 1 ? 'konnte' : 'konnten'} nicht gelesen werden.`,
    manual: 'Oder den Namen einer Kennzahl eingeben',
    metric: 'Kennzahl',
    kind: 'Anzeigen als',
    metricMissing: 'Bitte zuerst den Namen einer Kennzahl eingeben.',
  },
};

/** The words for a locale: German, or none (the English defaults). */
export function editingMessagesFor(locale: string): { editor?: GridEditorMessages; dialog?: AddWidgetMessages } {
  return locale.toLowerCase().startsWith('de') ? de : {};
}
