/**
 * A test-runner plugin that lets browser tests run reference CRM servers on loopback, in the
 * runner's Node process: `GET /__crm-lab/<command>?id=…` on the test page's own origin starts,
 * stops, restarts and inspects them. Each server listens on an ephemeral port, so test files
 * running side by side never collide.
 */
import { createCrmServer } from '../../examples/crm-server/server.js';
import { startAcmeCrm } from './acme-crm-server.js';

const PREFIX = '/__crm-lab/';
export function crmLabPlugin() {
  /** @type {Map<string, Awaited<ReturnType<typeof createCrmServer>>>} */
  const servers = new Map();
  let nextId = 1;
  /** @type {Promise<{ url: string; close(): Promise<void> }> | undefined} */
  let acme;

  const commands = {
    /** The stand-in for a third-party CRM's REST API, started once. */
    acme: async () => ({ url: (await (acme ??= startAcmeCrm())).url }),
    async create(p) {
      const server = await createCrmServer({
        seed: Number(p.get('seed') ?? 42),
        intervalMs: Number(p.get('intervalMs') ?? 1500),
        retryMs: Number(p.get('retryMs') ?? 1000),
        heartbeatMs: Number(p.get('heartbeatMs') ?? 10_000),
      });
      const id = String(nextId++);
      servers.set(id, server);
      return { id, url: server.url, port: server.port };
    },
    stop: (p, server) => server.stop().then(() => ({ ok: true })),
    start: (p, server) => server.start().then(() => ({ ok: true })),
    drop: (p, server) => (server.dropConnections(), { ok: true }),
    async close(p, server) {
      await server.stop();
      servers.delete(p.get('id'));
      return { ok: true };
    },
    stats: (p, server) => ({ ...server.stats, live: server.hub.size }),
    faults(p, server) {
      for (const [name, value] of p) if (name !== 'id') server.faults[name] = JSON.parse(value);
      return { ...server.faults };
    },
    raw: (p, server) => (server.sendRaw(p.get('text') ?? ''), { ok: true }),
    /** The frame the server has now for a query key: what recovered widgets must show. */
    latest(p, server) {
      const stream = server.hub.streams.get(p.get('key'));
      return { frame: stream?.latest?.frame ?? null };
    },
  };

  return {
    name: 'crm-lab',
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = context.path.slice(PREFIX.length);
      const params = new URLSearchParams(context.querystring);
      const command = commands[name];
      const server = servers.get(params.get('id') ?? '');
      let status = 200;
      let result;
      if (!command) [status, result] = [404, { error: `no lab command ${name}` }];
      else if (name !== 'create' && name !== 'acme' && !server) [status, result] = [404, { error: `no lab server ${params.get('id')}` }];
      else result = await command(params, server);
      context.status = status;
      return { body: JSON.stringify(result), type: 'json', headers: { 'Cache-Control': 'no-store' } };
    },
    async serverStop() {
      await Promise.all([...servers.values()].map((server) => server.stop()));
      servers.clear();
      await (await acme)?.close();
    },
  };
}
