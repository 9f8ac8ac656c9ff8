#!/usr/bin/env node
/**
 * Runs the reference CRM metrics server: `node examples/crm-server/main.js [--port 8787] [--host 127.0.0.1]`.
 * Environment: CRM_SERVER_PORT, CRM_SERVER_HOST.
 */
import { createCrmServer } from './server.js';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg('port') ?? process.env.CRM_SERVER_PORT ?? 8787);
const host = arg('host') ?? process.env.CRM_SERVER_HOST ?? '127.0.0.1';

const server = await createCrmServer({ port, host });
console.log(`CRM metrics server on ${server.url}  (REST /api/metrics · SSE /api/stream · WebSocket /api/ws)`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
