/**
 * REST: `GET /api/metrics?<query as parameters>` answers the current frame as JSON with an ETag;
 * `If-None-Match` with that ETag answers 304 without a body. `GET /api/catalog` lists the metrics.
 */

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 */
export async function handleRest(req, res, url, { hub, demo, faults, stats }) {
  stats.rest.requests++;
  stats.rest.urls.push(url.search);
  if (req.headers.authorization) stats.rest.authorizations.push(req.headers.authorization);
  let aborted = false;
  res.on('close', () => {
    if (!res.writableFinished) {
      aborted = true;
      stats.rest.aborted++;
    }
  });
  if (faults.restDelayMs) await new Promise((resolve) => setTimeout(resolve, faults.restDelayMs));
  if (aborted) return;
  if (faults.failNext > 0) {
    faults.failNext--;
    stats.rest.failed++;
    return json(res, faults.failStatus, { error: 'simulated failure' }, faults.retryAfter !== null ? { 'Retry-After': String(faults.retryAfter) } : {});
  }
  if (faults.rawNext !== null) {
    const raw = faults.rawNext;
    faults.rawNext = null;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(raw);
  }
  const query = demo.queryFromParams(url.searchParams);
  if (!query) return json(res, 400, { error: 'the metric parameter is missing' });
  if (!hub.knows(query.metric)) return json(res, 404, { error: `unknown metric ${query.metric}` });
  const { id, frame } = await hub.read(query);
  const etag = `"${id}"`;
  if (req.headers['if-none-match'] === etag) {
    stats.rest.notModified++;
    res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
    return res.end();
  }
  json(res, 200, frame, { ETag: etag });
}

/**
 * `GET /api/catalog`: what this CRM answers, as demoSource's `catalog()` lists it (each metric one
 * the other routes know), for the adapters' `catalog` option.
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function handleCatalog(req, res, { demo, faults, stats }) {
  stats.catalog.requests++;
  if (req.headers.authorization) stats.catalog.authorizations.push(req.headers.authorization);
  if (faults.catalogStatus) return json(res, faults.catalogStatus, { error: 'simulated failure' });
  if (faults.catalogRaw !== null) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
    return res.end(faults.catalogRaw);
  }
  json(res, 200, demo.demoCatalog());
}

/** Writes a JSON answer. */
export function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache', ...headers });
  res.end(JSON.stringify(body));
}
