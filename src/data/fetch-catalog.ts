import { readCatalog } from './read-catalog.js';
import { HttpError } from './source-errors.js';
import type { CatalogEntry } from './types.js';

/**
 * An adapter's `catalog` option: the URL of a JSON list of `CatalogEntry` (absolute or relative to
 * the page), or a function that returns that list (or a promise of it).
 */
export type CatalogOption = string | (() => unknown);

/** A catalog request that gets no answer within this time (ms) fails, instead of loading for ever. */
const TIMEOUT_MS = 15_000;

/** What the words of a failed load start with. */
const FAILED = 'The list of metrics could not be loaded';

/**
 * The `catalog()` method for an adapter with a `catalog` option, or undefined without one (the
 * source then lists nothing, and "Add widget" asks for a metric name). A URL is fetched with the
 * adapter's own headers and credentials, each time it is called. An answer that is not a list
 * resolves to `[]` and malformed entries are left out (see `readCatalog`), each with a console
 * warning; a request that fails — no answer, an HTTP error, no answer in 15 s — or a function
 * that throws rejects with an Error whose message a user can read
 * ("The list of metrics could not be loaded: the server answered HTTP 503 Service Unavailable.").
 */
export function catalogMethod(
  option: CatalogOption | undefined,
  adapter: string,
  request: { headers?: Record<string, string> | (() => Record<string, string>); credentials?: RequestCredentials } = {},
): (() => Promise<readonly CatalogEntry[]>) | undefined {
  if (option == null) return undefined;
  if (typeof option === 'function') {
    return async () => {
      let answer: unknown;
      try {
        answer = await option();
      } catch (error) {
        throw new Error(`${FAILED}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      return readCatalog(answer, `${adapter}'s catalog function`);
    };
  }
  const url = String(option);
  return async () => {
    let response: Response;
    try {
      const headers = { Accept: 'application/json', ...(typeof request.headers === 'function' ? request.headers() : request.headers) };
      response = await fetch(url, { headers, credentials: request.credentials ?? 'same-origin', cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const late = error instanceof DOMException && error.name === 'TimeoutError';
      throw new Error(`${FAILED}: ${late ? 'the server did not answer in time' : 'the server cannot be reached'}.`, { cause: error });
    }
    if (!response.ok) {
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new HttpError(response.status, `${FAILED}: the server answered ${status}.`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new Error(`${FAILED}: the answer was cut off.`, { cause: error });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      console.warn(`crm-pulse ${adapter}: the catalog at ${url} is not JSON; it lists nothing.`);
      return [];
    }
    return readCatalog(body, `${adapter} (${url})`);
  };
}
