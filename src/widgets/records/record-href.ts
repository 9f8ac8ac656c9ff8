/**
 * The URL a record links to: the row's `href` resolved against the page, only when it is http(s)
 * (relative URLs resolve to the page's scheme). `javascript:`, `data:`, `mailto:` and anything that
 * is not a URL give null: the name is then plain text, never a link.
 */
export function recordHref(raw: unknown, base = document.baseURI): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
