import type { ReadWidget } from './dashboard-config.js';
import { loadWidget } from './widget-modules.js';

/**
 * The widget elements a config places, kept by id: a widget that stays in the config keeps its
 * element (and with it its subscription, scroll and focus) however its place or attributes change;
 * only what changed is written. A new kind for an id gets a new element.
 */
export class WidgetElements {
  readonly #elements = new Map<string, { tag: string; element: HTMLElement; attributes: Record<string, string> }>();

  /** The element for a widget entry, made or updated; null for a placeholder. */
  element(widget: ReadWidget): HTMLElement | null {
    const { tag, kind } = widget;
    if (!tag || !kind) return null;
    let kept = this.#elements.get(widget.id);
    if (!kept || kept.tag !== tag) {
      void loadWidget(kind);
      kept = { tag, element: document.createElement(tag), attributes: {} };
      kept.element.dataset.widgetId = widget.id;
      this.#elements.set(widget.id, kept);
    }
    const { element, attributes } = kept;
    for (const name of Object.keys(attributes)) if (!(name in widget.attributes)) element.removeAttribute(name);
    for (const [name, value] of Object.entries(widget.attributes)) if (attributes[name] !== value || element.getAttribute(name) !== value) element.setAttribute(name, value);
    kept.attributes = { ...widget.attributes };
    return element;
  }

  /** Whether an element is one this dashboard placed and still keeps. */
  has(element: Element): boolean {
    for (const kept of this.#elements.values()) if (kept.element === element) return true;
    return false;
  }

  /** Forgets the elements of ids no longer in the config. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.#elements.keys()) if (!ids.has(id)) this.#elements.delete(id);
  }
}
