/**
 * The locale a widget formats with: its own `locale` attribute, else the nearest `lang` up the tree
 * (through shadow roots, so a widget inside another component still follows the page), else the
 * browser's. An invalid tag is skipped rather than thrown by Intl later.
 */
export function resolveLocale(element: Element, explicit?: string | null): string {
  const candidates: Array<string | null | undefined> = [explicit];
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      candidates.push(node.getAttribute('lang'));
      break;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  candidates.push(typeof navigator !== 'undefined' ? navigator.language : undefined);
  for (const tag of candidates) if (tag && isValidLocale(tag)) return tag;
  return 'en-US';
}

function isValidLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}
