/**
 * Up to two initials for an avatar without a picture: first and last word, first letter or digit
 * of each ("Amira Haddad" → "AH", "Li" → "L", "Élodie de la Tour" → "ÉT"); "?" when there is none.
 */
export function initials(name: string, locale?: string): string {
  const firstSign = (word: string) => Array.from(word).find((ch) => /[\p{L}\p{N}]/u.test(ch)) ?? '';
  const signs = name.split(/\s+/).map(firstSign).filter(Boolean);
  if (signs.length === 0) return '?';
  const pair = signs.length > 1 ? signs[0]! + signs[signs.length - 1]! : signs[0]!;
  try {
    return pair.toLocaleUpperCase(locale);
  } catch {
    return pair.toUpperCase();
  }
}

/**
 * The URL an avatar image may load from: http(s), relative, or an inline `data:image/…`; null for
 * an empty value (so no request is made at all) and for any other scheme.
 */
export function avatarUrl(raw: string, base?: string): string | null {
  if (!raw) return null;
  try {
    // The document's base only when there is a URL to resolve: every row of every update asks.
    const url = new URL(raw, base ?? document.baseURI);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    if (url.protocol === 'data:' && /^data:image\//i.test(raw)) return raw;
  } catch {
    /* not a URL: fall back to initials */
  }
  return null;
}
