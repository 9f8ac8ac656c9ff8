import { isValidLocale } from './number-format.js';

/**
 * The locale a widget formats with: its own `locale` attribute, else the nearest `lang` up the tree
 * (through shadow roots, so a widget inside another component still follows the page), else the
 * browser's. An invalid tag is skipped rather than thrown by Intl later: an invalid `locale` falls
 * back to the nearest valid `lang`, and an invalid or empty `lang` to the next one further up.
 */
export function resolveLocale(element: Element, explicit?: string | null): string {
  if (explicit && isValidLocale(explicit)) return explicit;
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang && isValidLocale(lang)) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  const browser = typeof navigator !== 'undefined' ? navigator.language : undefined;
  return browser && isValidLocale(browser) ? browser : 'en-US';
}
