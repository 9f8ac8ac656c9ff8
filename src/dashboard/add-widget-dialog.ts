import { type ReactiveController, type ReactiveControllerHost, type TemplateResult, html, nothing } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import { readCatalogEntries } from '../data/read-catalog.js';
import type { CatalogEntry, WidgetKind } from '../data/types.js';
import { WIDGET_KINDS, WIDGET_KIND_LABELS, kindOf } from './dashboard-config.js';

/** The dialog's words; English unless the dashboard passes its locale's. */
export interface AddWidgetMessages {
  title: string;
  close: string;
  loading: string;
  search: string;
  /** A kind button's accessible name ("Add Win rate as KPI"); the button shows the kind alone. */
  addAs: (label: string, kind: string) => string;
  noMatch: (query: string) => string;
  empty: string;
  noCatalog: string;
  failed: (reason: string) => string;
  notAList: string;
  retry: string;
  /** Entries of the list that could not be read (no metric name, no known kind). */
  skipped: (count: number) => string;
  manual: string;
  metric: string;
  kind: string;
  metricMissing: string;
}

const english: AddWidgetMessages = {
  title: 'Add widget',
  close: 'Close',
  loading: 'Loading the metrics this source can show…',
  search: 'Search metrics',
  addAs: (label, kind) => `Add ${label} as ${kind}`,
  noMatch: (query) => `No metric matches “${query}”.`,
  empty: 'This source lists no metrics.',
  noCatalog: 'This source does not list its metrics.',
  failed: (reason) => `The list of metrics could not be loaded: ${reason}`,
  notAList: 'The source answered with something that is not a list of metrics.',
  retry: 'Try again',
  skipped: (count) => `${count} ${count === 1 ? 'entry' : 'entries'} of the list could not be read and ${count === 1 ? 'is' : 'are'} not shown.`,
  manual: 'Or type a metric name',
  metric: 'Metric',
  kind: 'Show as',
  metricMissing: 'Type the name of a metric first.',
};

export interface AddWidgetDialogOptions {
  /** What the source can answer (`MetricSource.catalog()`), or null when it cannot say. */
  catalog: () => Promise<readonly CatalogEntry[]> | null;
  /** A metric and a kind were picked; the dialog closes itself after this. */
  onPick: (entry: CatalogEntry, kind: WidgetKind) => void;
  messages?: Partial<AddWidgetMessages>;
}

type State =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'error'; reason: string }
  | { kind: 'ready'; entries: CatalogEntry[]; skipped: number };

/** Above this many metrics the list gets a search box. */
const SEARCH_FROM = 8;

let dialogs = 0;

const reasonOf = (error: unknown) => {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return text.trim() || 'no reason given';
};

/**
 * "Add widget": a modal `<dialog>` (focus stays inside, Escape closes) listing the metrics the source
 * can answer, each with a button per widget kind, so "Win rate → KPI" is two clicks from the
 * dashboard's Add button. A search box filters long lists. A source without a catalog, one whose
 * catalog fails or says nothing, still lets a manager type a metric name and pick a kind.
 *
 * The host renders {@link render} once in its shadow root (with `gridEditorStyles`) and calls
 * {@link open} from its Add button; focus returns to that button when the dialog closes.
 */
export class AddWidgetDialog implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: AddWidgetDialogOptions;
  readonly #messages: AddWidgetMessages;
  readonly #dialog = createRef<HTMLDialogElement>();
  readonly #ids = `crm-add-widget-${++dialogs}`;
  #state: State = { kind: 'closed' };
  #query = '';
  #manualError = false;
  #load = 0;
  #opener: HTMLElement | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: AddWidgetDialogOptions) {
    this.#host = host;
    this.#options = options;
    this.#messages = { ...english, ...options.messages };
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.#state.kind !== 'closed';
  }

  /** Opens the dialog and asks the source for its catalog (again, so a catalog that changed is current). */
  open(): void {
    if (this.isOpen) return;
    this.#opener = deepActiveElement();
    this.#query = '';
    this.#manualError = false;
    this.#fetch();
    void this.#host.updateComplete
      .then(() => {
        const dialog = this.#dialog.value;
        if (dialog && !dialog.open && this.isOpen) dialog.showModal();
        // A catalog at hand may have answered while the dialog was being drawn: focus what is there now.
        return this.#host.updateComplete;
      })
      .then(() => this.#focusList());
  }

  close(): void {
    const dialog = this.#dialog.value;
    if (dialog?.open) dialog.close();
    else this.#closed();
  }

  hostDisconnected(): void {
    this.#load++;
    this.#state = { kind: 'closed' };
  }

  #fetch(): void {
    const load = ++this.#load;
    let answer: Promise<readonly CatalogEntry[]> | null;
    try {
      answer = this.#options.catalog();
    } catch (error) {
      answer = Promise.reject(error);
    }
    if (!answer) {
      this.#set({ kind: 'none' });
      return;
    }
    this.#set({ kind: 'loading' });
    Promise.resolve(answer).then(
      (list) => {
        if (load !== this.#load) return;
        const read = readCatalogEntries(list);
        this.#set(read ? { kind: 'ready', entries: read.entries, skipped: read.unreadable } : { kind: 'error', reason: this.#messages.notAList });
        void this.#host.updateComplete.then(() => this.#focusList());
      },
      (error: unknown) => {
        if (load === this.#load) this.#set({ kind: 'error', reason: this.#messages.failed(reasonOf(error)) });
      },
    );
  }

  #set(state: State): void {
    this.#state = state;
    this.#host.requestUpdate();
  }

  /**
   * Focus goes to the list (its search box or first kind button), or to the metric name when there is
   * no list; not while loading (the Close button has it), and not once the user has moved it on.
   */
  #focusList(): void {
    const dialog = this.#dialog.value;
    if (!dialog?.open || this.#state.kind === 'loading') return;
    const focused = deepActiveElement();
    if (focused && dialog.contains(focused) && !focused.classList.contains('add-close')) return;
    const target = this.#state.kind === 'ready' ? dialog.querySelector<HTMLElement>('.add-search, .add-entry .add-kind') : null;
    (target ?? dialog.querySelector<HTMLElement>('.add-input'))?.focus();
  }

  #pick(entry: CatalogEntry, kind: WidgetKind): void {
    this.#options.onPick({ ...entry, kinds: [...entry.kinds] }, kind);
    this.close();
  }

  #closed(): void {
    if (this.#state.kind === 'closed') return;
    this.#load++;
    this.#set({ kind: 'closed' });
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  }

  #submitManual(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = form.querySelector<HTMLInputElement>('.add-input')!;
    const metric = input.value.trim();
    const kind = kindOf((e.submitter as HTMLButtonElement | null)?.value) ?? 'kpi';
    if (!metric) {
      this.#manualError = true;
      this.#host.requestUpdate();
      input.focus();
      return;
    }
    this.#pick({ metric, label: metric, kinds: [kind] }, kind);
  }

  render(): TemplateResult {
    const m = this.#messages;
    return html`<dialog class="add-dialog" part="add-dialog" aria-labelledby="${this.#ids}-title" ${ref(this.#dialog)}
        @close=${() => this.#closed()} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && e.stopPropagation()}>
      <div class="add-head">
        <h2 class="add-title" id="${this.#ids}-title">${m.title}</h2>
        <button type="button" class="add-close" @click=${() => this.close()}>${m.close}</button>
      </div>
      <div class="add-body">${this.#renderState()} ${this.#renderManual()}</div>
    </dialog>`;
  }

  #renderState(): TemplateResult {
    const m = this.#messages;
    const state = this.#state;
    switch (state.kind) {
      case 'loading':
        return html`<p class="add-state" role="status">${m.loading}</p>`;
      case 'none':
        return html`<p class="add-state" role="status">${m.noCatalog}</p>`;
      case 'error':
        return html`<p class="add-state add-error" role="alert">${state.reason}</p>
          <div><button type="button" class="add-button" @click=${() => this.#fetch()}>${m.retry}</button></div>`;
      case 'ready':
        return this.#renderList(state.entries, state.skipped);
      default:
        return html``;
    }
  }

  #renderList(entries: CatalogEntry[], skipped: number): TemplateResult {
    const m = this.#messages;
    const query = this.#query.trim().toLowerCase();
    const shown = query ? entries.filter((e) => e.label.toLowerCase().includes(query) || e.metric.toLowerCase().includes(query)) : entries;
    return html`${entries.length > SEARCH_FROM
        ? html`<input type="search" class="add-search" aria-label=${m.search} placeholder=${m.search} aria-controls="${this.#ids}-list"
            .value=${this.#query} @input=${(e: InputEvent) => {
              this.#query = (e.target as HTMLInputElement).value;
              this.#host.requestUpdate();
            }} />`
        : nothing}
      ${entries.length === 0 ? html`<p class="add-state">${m.empty}</p>` : nothing}
      ${entries.length > 0 && shown.length === 0 ? html`<p class="add-state" role="status">${m.noMatch(this.#query.trim())}</p>` : nothing}
      <ul class="add-list" id="${this.#ids}-list" aria-label=${m.title}>
        ${shown.map(
          (entry) => html`<li class="add-entry">
            <span class="add-name">
              <span class="add-label">${entry.label}</span>
              <span class="add-meta">${entry.unit ? `${entry.metric} · ${entry.unit}` : entry.metric}</span>
            </span>
            <span class="add-kinds">
              ${entry.kinds.map(
                (kind) => html`<button type="button" class="add-kind" data-kind=${kind} aria-label=${m.addAs(entry.label, WIDGET_KIND_LABELS[kind])}
                  @click=${() => this.#pick(entry, kind)}>${WIDGET_KIND_LABELS[kind]}</button>`,
              )}
            </span>
          </li>`,
        )}
      </ul>
      ${skipped > 0 ? html`<p class="add-state">${m.skipped(skipped)}</p>` : nothing}`;
  }

  /** Always there: a catalog may be missing, failing, slow or incomplete. */
  #renderManual(): TemplateResult {
    const m = this.#messages;
    return html`<form class="add-form" @submit=${(e: SubmitEvent) => this.#submitManual(e)}>
      <fieldset class="add-manual">
        <legend>${m.manual}</legend>
        <label class="add-field">${m.metric}
          <input class="add-input" name="metric" autocomplete="off" spellcheck="false" aria-invalid=${this.#manualError ? 'true' : 'false'}
            aria-describedby="${this.#ids}-manual-error" @input=${() => {
              if (this.#manualError) {
                this.#manualError = false;
                this.#host.requestUpdate();
              }
            }} />
        </label>
        <span class="add-state add-error" id="${this.#ids}-manual-error">${this.#manualError ? m.metricMissing : ''}</span>
        <span class="add-kinds" role="group" aria-label=${m.kind}>
          ${WIDGET_KINDS.map((kind) => html`<button type="submit" class="add-kind" value=${kind}>${WIDGET_KIND_LABELS[kind]}</button>`)}
        </span>
      </fieldset>
    </form>`;
  }
}

/** The focused element, looking into shadow roots (the opener is usually inside the dashboard's). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
