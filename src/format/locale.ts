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

/** Checked once per tag: every widget resolves its locale on every render. */
const validity = new Map<string, boolean>();

function isValidLocale(tag: string): boolean {
  let valid = validity.get(tag);
  if (valid === undefined) {
    try {
      valid = Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
    } catch {
      valid = false;
    }
    validity.set(tag, valid);
  }
  return valid;
}
