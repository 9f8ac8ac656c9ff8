/**
 * Edit mode, loaded the first time a user presses Edit: the people who only read a dashboard do
 * not download its editor (about 5.5 KiB gzipped of the dashboard's code).
 */
export { AddWidgetDialog } from './add-widget-dialog.js';
export { newWidgetEntry, withWidget } from './config-edits.js';
export { editingMessagesFor } from './editing-messages.js';
export { GridEditor } from './grid-editor.js';
export { gridEditorStyles } from './grid-editor.styles.js';
