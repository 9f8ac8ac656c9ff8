import { WIDGET_KINDS } from '../data/widget-kinds.js';
import { importOnce, loadWidget } from '../dashboard/widget-modules.js';

/**
 * The `crm-pulse` entry defines its elements on demand, the way Shoelace's and Web Awesome's
 * autoloaders do: a tag's module is fetched the first time that tag is on the page, so a page that
 * shows one KPI tile downloads the KPI and nothing else. The widgets come from the same per-kind
 * loaders the dashboard uses for the widgets it places, so a widget loads once whoever asks first.
 */

/** Defines `<crm-dashboard>` once; a failed load is logged and tried again next time. */
const loadDashboard = importOnce(() => import('../dashboard/define.js'), '<crm-dashboard>');

/** Our tags, each with its load: the widgets by kind, as the dashboard loads them, and the dashboard. */
const LOADERS = new Map<string, () => Promise<unknown>>([
  ...WIDGET_KINDS.map((kind) => [`crm-${kind}`, () => loadWidget(kind)] as const),
  ['crm-dashboard', loadDashboard],
]);

/** Every one of our elements not defined yet, as a selector. */
const UNDEFINED = [...LOADERS.keys()].map((tag) => `${tag}:not(:defined)`).join(',');

/**
 * Our tags nobody has asked for yet: only these are looked for in what is added to the page, and
 * once every tag is loading or defined the page is no longer watched.
 */
const unasked = new Set(LOADERS.keys());
let observer: MutationObserver | undefined;

/** Loads a tag's module unless the tag is defined already (by this entry or another); other tags are ignored. */
function request(tag: string): Promise<unknown> {
  const load = LOADERS.get(tag);
  if (!load) return Promise.resolve();
  unasked.delete(tag);
  if (!unasked.size) observer?.disconnect();
  if (customElements.get(tag)) return Promise.resolve();
  return load().then(() => {
    // A module that failed to load defined nothing: the tag is looked for again.
    if (customElements.get(tag)) return;
    unasked.add(tag);
    if (observer) observeDocument(observer);
  });
}

/**
 * Defines the crm-pulse elements in `root` (and `root` itself when it is one) that are not defined
 * yet, loading each tag's module once, and resolves when they are defined. Tags that are not
 * crm-pulse's are left alone; a module that fails to load is reported in the console, never
 * thrown, and tried again the next time it is asked for.
 *
 * Importing `crm-pulse` already watches the document. Call this for elements you create inside a
 * shadow root of your own, which the document's watcher cannot see, or to wait until they are
 * defined. Properties set on an element before its definition arrives are kept.
 *
 * @example
 * const tile = document.createElement('crm-kpi');
 * tile.metric = 'revenue';
 * this.shadowRoot.append(tile);
 * await loadElements(this.shadowRoot);
 */
export async function loadElements(root: ParentNode = document): Promise<void> {
  const tags = new Set<string>();
  if (root instanceof Element && root.matches(UNDEFINED)) tags.add(root.localName);
  for (const element of root.querySelectorAll(UNDEFINED)) tags.add(element.localName);
  await Promise.all([...tags].map(request));
}

/** What the document has now, then every element added to it: each of our tags is loaded on sight. */
export function watchDocument(): void {
  if (observer || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  for (const tag of LOADERS.keys()) if (customElements.get(tag)) unasked.delete(tag);
  observer = new MutationObserver((records) => {
    // Only tags nobody has asked for yet are looked for: a page busy with its own DOM pays little.
    const selector = [...unasked].join(',');
    if (!selector) return;
    for (const { addedNodes } of records) {
      for (const node of addedNodes) {
        if (!(node instanceof Element) || !node.isConnected) continue;
        if (node.matches(selector)) void request(node.localName);
        for (const element of node.querySelectorAll(selector)) void request(element.localName);
      }
    }
  });
  void loadElements(document);
  if (unasked.size) observeDocument(observer);
}

function observeDocument(watcher: MutationObserver): void {
  watcher.observe(document, { childList: true, subtree: true });
}
