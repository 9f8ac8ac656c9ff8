/**
 * GraphQL over WebSocket at `/graphql`: the schema of `graphql-schema.js`, served by `graphql-ws`
 * (`useServer`) on the server's own HTTP port, for `graphqlWsSource`. The same hub as the other
 * transports answers, so every client of a query sees the same numbers.
 *
 * `connection_init` is where a real CRM checks the session: here a token is required only while
 * `faults.graphqlToken` is set (the socket is then closed with 4401 unless `{ token }` matches), and
 * `faults.graphqlForbidden` refuses everyone (4403, graphql-ws's answer to `onConnect` returning false).
 */
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { crmRoots, crmSchema } from './graphql-schema.js';

/**
 * @param {() => { hub: import('./metric-hub.js').MetricHub; faults: Record<string, any>; stats: Record<string, any>; streams: Set<any> }} context
 *   the running server's state (a restart makes a new hub)
 */
export function createGraphqlEndpoint(context) {
  const { faults, stats } = context();
  Object.assign(faults, { graphqlToken: null, graphqlForbidden: false, graphqlRefuse: 0, graphqlAckThenClose: 0, graphqlSilent: false, ...withoutUndefined(faults) });
  stats.graphql ??= { connections: 0, open: 0, subscribes: 0, completes: 0, /** @type {unknown[]} */ connectionParams: [] };
  const wss = new WebSocketServer({ noServer: true });
  const schema = crmSchema();
  // No server pings: clients ping, and the server's pongs are what they count as heartbeats.
  useServer(
    {
      schema,
      roots: crmRoots(() => context().hub),
      onConnect(ctx) {
        stats.graphql.connectionParams.push(ctx.connectionParams ?? null);
        if (faults.graphqlForbidden) return false;
        if (faults.graphqlToken !== null && ctx.connectionParams?.token !== faults.graphqlToken) {
          ctx.extra.socket.close(4401, 'Invalid or expired token');
          return false;
        }
        if (faults.graphqlAckThenClose) {
          // Acknowledged, then closed: a server that lets clients in and then fails them at once.
          setTimeout(() => ctx.extra.socket.close(faults.graphqlAckThenClose, 'simulated failure'), 0);
        }
        return true;
      },
      onSubscribe: () => void stats.graphql.subscribes++,
    },
    wss,
    0,
  );
  wss.on('connection', (socket) => {
    stats.graphql.open++;
    const handle = { destroy: () => socket.terminate(), sendRaw: (text) => socket.readyState === socket.OPEN && socket.send(text) };
    context().streams.add(handle);
    const send = socket.send.bind(socket);
    // A dead link that still looks open: nothing goes out, not even pongs.
    socket.send = (data, ...rest) => {
      if (!faults.graphqlSilent) return send(data, ...rest);
      rest.find((arg) => typeof arg === 'function')?.();
    };
    socket.on('message', (data) => {
      if (/"type"\s*:\s*"complete"/.test(String(data))) stats.graphql.completes++;
    });
    socket.once('close', () => {
      stats.graphql.open--;
      context().streams.delete(handle);
    });
  });

  return {
    /** Takes an upgrade request for `/graphql`. */
    upgrade(req, socket, head) {
      stats.graphql.connections++;
      if (faults.graphqlRefuse) return void socket.end(`HTTP/1.1 ${faults.graphqlRefuse} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    /** Cuts every socket, as a crash would. */
    stop() {
      for (const client of wss.clients) client.terminate();
    },
  };
}

function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}
