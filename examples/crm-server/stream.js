/**
 * Server-Sent Events: `GET /api/stream?query=<queryKey>&query=…` streams every listed query on one
 * connection. Each event's data is `{"type":"frame","key":…,"frame":…}` (or `"type":"error"` for a
 * query this CRM cannot answer), its id the frame's id. A client that comes back with
 * `Last-Event-ID` (or `lastEventId=`) from this run of the server gets only what changed since.
 *
 * A heartbeat event `{"type":"ping"}` comes at once and then every `heartbeatMs`: an event, not a
 * comment line, because EventSource hides comments from the page. It keeps proxies from closing a
 * quiet stream, lets the client tell a live stream from a stalled one, and confirms that the
 * numbers it has are still current.
 */


/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 */
export function handleStream(req, res, url, { hub, faults, stats, streams, retryMs, heartbeatMs }) {
  if (faults.streamNoContent) return void res.writeHead(204).end();
  if (faults.streamStatus) {
    stats.sse.refused++;
    const headers = { 'Content-Type': 'application/json', ...(faults.retryAfter !== null ? { 'Retry-After': String(faults.retryAfter) } : {}) };
    return void res.writeHead(faults.streamStatus, headers).end(JSON.stringify({ error: 'simulated failure' }));
  }
  const keys = url.searchParams.getAll('query');
  if (keys.length === 0) {
    res.writeHead(400, { 'Content-Type': 'text/plain' });
    return void res.end('list the queries as query=<queryKey>');
  }
  const lastEventId = req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? '';
  const resumeAfter = hub.sequenceOf(lastEventId);
  stats.sse.connections++;
  stats.sse.open++;
  stats.sse.lastEventIds.push(String(lastEventId));
  stats.sse.queriesPerConnection.push(keys.length);

  if (faults.streamNoHeaders) {
    // Not even headers: the request hangs until the client gives up on it.
    const handle = { destroy: () => res.destroy(), sendRaw: () => {} };
    streams.add(handle);
    res.on('close', () => (streams.delete(handle), stats.sse.open--));
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  if (faults.streamCloseAtOnce) {
    stats.sse.open--;
    return void res.end();
  }
  if (faults.streamSayThenClose) {
    // One event, then the end: a server that answers and then drops the stream (an error, say).
    stats.sse.open--;
    res.write(`data: ${JSON.stringify(faults.streamSayThenClose)}\n\n`);
    return void res.end();
  }
  if (faults.streamSilent) {
    // Headers, then nothing: the connection stays open until the client gives up on it.
    res.flushHeaders();
    const handle = { destroy: () => res.destroy(), sendRaw: () => {} };
    streams.add(handle);
    res.on('close', () => (streams.delete(handle), stats.sse.open--));
    return;
  }
  res.write(`retry: ${retryMs}\n\n`);
  const send = (data, id) => res.write(`${id ? `id: ${id}\n` : ''}data: ${data}\n\n`);
  const unwatch = [];
  for (const key of keys) {
    const query = parse(key);
    if (!query || !hub.knows(query.metric)) {
      send(JSON.stringify({ type: 'error', key, message: query ? `unknown metric ${query.metric}` : 'the query is not valid JSON' }));
      continue;
    }
    unwatch.push(
      hub.watch(query, ({ id, frame }) => {
        // Resuming: the client already has every frame up to the id it sent.
        if (resumeAfter !== null && hub.sequenceOf(id) <= resumeAfter) return;
        send(JSON.stringify({ type: 'frame', key, frame }), id);
      }),
    );
  }
  const ping = () => send(JSON.stringify({ type: 'ping' }));
  ping();
  const keepalive = setInterval(ping, heartbeatMs);
  const handle = { destroy: () => res.destroy(), sendRaw: (text) => send(text) };
  streams.add(handle);
  res.on('close', () => {
    clearInterval(keepalive);
    for (const stop of unwatch) stop();
    streams.delete(handle);
    stats.sse.open--;
  });
}

function parse(key) {
  try {
    const query = JSON.parse(key);
    return query && typeof query === 'object' && typeof query.metric === 'string' ? query : null;
  } catch {
    return null;
  }
}
