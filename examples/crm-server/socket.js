/**
 * WebSocket at `/api/ws`: the client sends `{type:'subscribe', key, query}` and
 * `{type:'unsubscribe', key}`; the server sends `{type:'frame', key, frame}` on every change and
 * `{type:'error', key, message}` for a query it cannot answer. Pings are answered with pongs, and
 * the server sends a `{type:'ping'}` of its own every `heartbeatMs`: a heartbeat that confirms the
 * numbers a client has are still current, even when none changed.
 */

/**
 * @param {import('ws').WebSocket} ws
 * @param {import('node:http').IncomingMessage} req
 */
export function handleSocket(ws, req, { hub, faults, stats, streams, heartbeatMs }) {
  stats.ws.connections++;
  if (faults.socketCloseCode) return void ws.close(faults.socketCloseCode, 'simulated failure');
  if (faults.socketSayThenClose) {
    // One message, then the door: a server that answers and then refuses (an error, or a ping before a 4401).
    ws.send(JSON.stringify(faults.socketSayThenClose.message));
    return void ws.close(faults.socketSayThenClose.code, 'simulated failure');
  }
  stats.ws.open++;
  if (req.headers['sec-websocket-protocol']) stats.ws.protocols.push(req.headers['sec-websocket-protocol']);
  /** @type {Map<string, () => void>} */
  const subscriptions = new Map();
  const send = (message) => {
    if (!faults.socketSilent && ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const handle = { destroy: () => ws.terminate(), sendRaw: (text) => ws.readyState === ws.OPEN && ws.send(text) };
  streams.add(handle);
  const heartbeat = setInterval(() => send({ type: 'ping' }), heartbeatMs);

  ws.on('message', (data, isBinary) => {
    const message = isBinary ? null : parse(String(data));
    if (!message) return;
    if (message.type === 'ping') {
      stats.ws.pings++;
      return send({ type: 'pong' });
    }
    const { key } = message;
    if (typeof key !== 'string') return;
    if (message.type === 'subscribe') {
      stats.ws.subscribes++;
      if (subscriptions.has(key)) return void stats.ws.duplicateSubscribes++;
      const query = message.query;
      if (!query || typeof query !== 'object' || !hub.knows(query.metric)) {
        return send({ type: 'error', key, message: `unknown metric ${query?.metric}` });
      }
      subscriptions.set(key, hub.watch(query, ({ frame }) => send({ type: 'frame', key, frame })));
    } else if (message.type === 'unsubscribe') {
      stats.ws.unsubscribes++;
      subscriptions.get(key)?.();
      subscriptions.delete(key);
    }
  });

  ws.on('close', () => {
    clearInterval(heartbeat);
    for (const stop of subscriptions.values()) stop();
    subscriptions.clear();
    streams.delete(handle);
    stats.ws.open--;
  });
}

function parse(text) {
  try {
    const message = JSON.parse(text);
    return message && typeof message === 'object' ? message : null;
  } catch {
    return null;
  }
}
