import type { FrameValue } from '../../data/types.js';

/**
 * Fills a `drill-href` template such as `/reports/revenue?range={range}` with URL-encoded values,
 * and returns the absolute URL only when it is http(s): a template or value that would produce
 * `javascript:`, `data:` or any other scheme gives null (and a console warning), never a navigation.
 * Placeholders without a value become empty.
 */
export function drillUrl(template: string, values: Readonly<Record<string, FrameValue | undefined>>, base = document.baseURI): string | null {
  const filled = template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = values[name.trim()];
    return value === null || value === undefined ? '' : encodeURIComponent(String(value));
  });
  let url: URL;
  try {
    url = new URL(filled, base);
  } catch {
    console.warn(`crm-pulse: drill-href "${template}" is not a URL`);
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    console.warn(`crm-pulse: drill-href refused ${url.protocol} (http(s) only)`);
    return null;
  }
  return url.href;
}
