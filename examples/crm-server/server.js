/**
 * A reference CRM metrics server: the numbers of `demoSource`, live, over the three transports the
 * built-in adapters speak. No framework: `node:http` and `ws`.
 *
 *   GET  /api/metrics?metric=revenue&range=this_quarter   REST, for pollingSource (ETag / 304)
 *   GET  /api/stream?query=<queryKey>&query=…              Server-Sent Events, for sseSource
 *   WS   /api/ws                                           WebSocket JSON protocol, for webSocketSource
 *   WS   /graphql                                          GraphQL over WebSocket (graphql-ws), for graphqlWsSource
 *   GET  /api/catalog                                      what it answers, for the adapters' `catalog` option
 *   GET  /health                                           { ok, boot }
 *
 * Every route answers cross-origin requests (the demo page is served from another port).
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { loadDemoLogic } from './demo-logic.js';
import { MetricHub } from './metric-hub.js';
import { handleCatalog, handleRest, json } from './rest.js';
import { handleStream } from './stream.js';
import { handleSocket } from './socket.js';
import { createGraphqlEndpoint } from './graphql.js';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'If-None-Match, Authorization, Content-Type, Last-Event-ID',
  'Access-Control-Expose-Headers': 'ETag, Retry-After',
  'Access-Control-Max-Age': '600',
};

/**
 * Starts the server. `faults` lets tests and demos misbehave on purpose; `stats` counts what
 * clients did; `stop()` and `start()` kill and restart it on the same port, as a real restart
 * would: connections are cut, but the numbers continue where they were, because the simulated CRM
 * derives them from the time since `epoch` (default: when this server was created; `main.js` keeps
 * it across processes).
 *
 * Streams and sockets get a heartbeat every `heartbeatMs` (`{"type":"ping"}`): it tells clients the
 * link is alive and confirms that unchanged numbers are still current.
 *
 * @param {{ port?: number; host?: string; seed?: number; intervalMs?: number; retryMs?: number; heartbeatMs?: number; epoch?: number }} [options]
 */
export async function createCrmServer(options = {}) {
  const { host = '127.0.0.1', seed = 42, intervalMs = 1500, retryMs = 1000, heartbeatMs = 10_000, epoch = Date.now() } = options;
  const demo = await loadDemoLogic();
  const faults = newFaults();
  const stats = newStats();
  /** Open SSE responses and sockets, to cut them all on a simulated outage. */
  const streams = new Set();
  let hub;
  let http;
  let wss;
  let graphql;
  let port = options.port ?? 0;

  const context = () => ({ hub, demo, faults, stats, streams, retryMs, heartbeatMs });

  async function start() {
    hub = new MetricHub(demo, { seed, intervalMs, epoch });
    http = createServer((req, res) => {
      for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      if (url.pathname === '/health') return json(res, 200, { ok: true, boot: hub.bootId });
      if (url.pathname === '/api/metrics') return void handleRest(req, res, url, context());
      if (url.pathname === '/api/stream') return void handleStream(req, res, url, context());
      if (url.pathname === '/api/catalog') return handleCatalog(req, res, context());
      json(res, 404, { error: `no route ${url.pathname}` });
    });
    wss = new WebSocketServer({ noServer: true });
    graphql = createGraphqlEndpoint(context);
    http.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === '/graphql') return void graphql.upgrade(req, socket, head);
      if (path !== '/api/ws') return void socket.destroy();
      if (faults.socketRefuse) {
        stats.ws.connections++;
        return void socket.end(`HTTP/1.1 ${faults.socketRefuse} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      }
      wss.handleUpgrade(req, socket, head, (ws) => handleSocket(ws, req, context()));
    });
    await new Promise((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, host, () => resolve(undefined));
    });
    port = /** @type {import('node:net').AddressInfo} */ (http.address()).port;
  }

  /** Cuts every open stream and socket, as a network outage would; the server keeps running. */
  function dropConnections() {
    for (const stream of [...streams]) stream.destroy();
    streams.clear();
  }

  async function stop() {
    if (!http) return;
    dropConnections();
    for (const client of wss.clients) client.terminate();
    wss.close();
    graphql.stop();
    const closing = new Promise((resolve) => http.close(() => resolve(undefined)));
    http.closeAllConnections();
    await closing;
    hub.close();
    http = undefined;
  }

  /** Sends raw text to every SSE client (as one event's data) and every socket, for malformed-input tests. */
  function sendRaw(text) {
    for (const stream of streams) stream.sendRaw(text);
  }

  await start();
  return {
    get port() {
      return port;
    },
    get url() {
      return `http://${host}:${port}`;
    },
    get hub() {
      return hub;
    },
    /** When the simulated CRM started: pass it to a later server to continue its numbers. */
    epoch,
    faults,
    stats,
    start,
    stop,
    close: stop,
    dropConnections,
    sendRaw,
  };
}

/** What a test or demo can make the server do wrong. */
function newFaults() {
  return {
    /** The next n REST requests fail with `failStatus` (and a `Retry-After` of `retryAfter` seconds, if set). */
    failNext: 0,
    failStatus: 503,
    retryAfter: /** @type {number | null} */ (null),
    /** REST answers wait this long (ms), so a test can abort one in flight. */
    restDelayMs: 0,
    /** The next REST answer is this raw text, with status 200. */
    rawNext: /** @type {string | null} */ (null),
    /** Catalog answers are this raw text, with status 200 (a server that answers nonsense). */
    catalogRaw: /** @type {string | null} */ (null),
    /** The catalog route answers this HTTP status instead; 0: not. */
    catalogStatus: 0,
    /** The SSE route answers 204 No Content: "stop reconnecting". */
    streamNoContent: false,
    /** Sockets get nothing: no frames, no pongs (a dead link that still looks open). */
    socketSilent: false,
    /** Sockets are accepted and closed at once with this close code (e.g. 1011 or 1008); 0: not. */
    socketCloseCode: 0,
    /** Sockets get this one message, then are closed with this code (e.g. an error, or a ping before 4401). */
    socketSayThenClose: /** @type {{ message: object; code: number } | null} */ (null),
    /** The WebSocket upgrade is answered with this HTTP status (e.g. 401) instead; 0: not. */
    socketRefuse: 0,
    /** The SSE route answers this HTTP status (e.g. 401, 503) instead of a stream; 0: not. */
    streamStatus: 0,
    /** SSE streams send their headers and then nothing: no events, no heartbeats (a proxy that swallowed them). */
    streamSilent: false,
    /** SSE requests get no answer at all, not even headers (a server or proxy that hangs). */
    streamNoHeaders: false,
    /** SSE streams end at once after their headers (accept-then-close). */
    streamCloseAtOnce: false,
    /** SSE streams send this one event, then end. */
    streamSayThenClose: /** @type {object | null} */ (null),
  };
}

function newStats() {
  return {
    rest: { requests: 0, notModified: 0, failed: 0, aborted: 0, /** @type {string[]} */ urls: [], /** @type {string[]} */ authorizations: [] },
    sse: { connections: 0, open: 0, refused: 0, /** @type {string[]} */ lastEventIds: [], /** @type {number[]} */ queriesPerConnection: [] },
    ws: { connections: 0, open: 0, subscribes: 0, unsubscribes: 0, duplicateSubscribes: 0, pings: 0, /** @type {string[]} */ protocols: [] },
    catalog: { requests: 0, /** @type {string[]} */ authorizations: [] },
  };
}
