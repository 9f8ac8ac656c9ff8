#!/usr/bin/env node
/**
 * Runs the reference CRM metrics server: `node examples/crm-server/main.js [--port 8787] [--host 127.0.0.1] [--fresh]`.
 * Environment: CRM_SERVER_PORT, CRM_SERVER_HOST, CRM_SERVER_STATE (where the start time is kept).
 *
 * The simulated CRM's numbers derive from the time since it first started, which is kept in a
 * small state file (in the system's temporary folder, per port): a restarted server continues
 * where it was instead of jumping back to its seed values. The numbers stay plausible however long
 * it runs (they hover around the seed values), and a new query costs the same at any uptime. It
 * starts afresh with `--fresh`, or when the kept start is more than 12 hours old (a day later
 * nobody has a page open that would see the numbers jump).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createCrmServer } from './server.js';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg('port') ?? process.env.CRM_SERVER_PORT ?? 8787);
const host = arg('host') ?? process.env.CRM_SERVER_HOST ?? '127.0.0.1';
const stateFile = process.env.CRM_SERVER_STATE ?? join(tmpdir(), `crm-pulse-reference-server-${port}.json`);
const KEEP_MS = 12 * 3_600_000;

/** The kept start time, or now (kept for next time). */
function epoch() {
  if (!process.argv.includes('--fresh')) {
    try {
      const kept = JSON.parse(readFileSync(stateFile, 'utf8')).epoch;
      if (Number.isFinite(kept) && Date.now() - kept < KEEP_MS && kept <= Date.now()) return kept;
    } catch {
      // No state yet, or unreadable: start afresh.
    }
  }
  const now = Date.now();
  try {
    mkdirSync(dirname(stateFile), { recursive: true });
    writeFileSync(stateFile, JSON.stringify({ epoch: now }));
  } catch (error) {
    console.warn(`Could not keep the start time in ${stateFile} (${error.message}): a restart will start afresh.`);
  }
  return now;
}

const server = await createCrmServer({ port, host, epoch: epoch() });
console.log(`CRM metrics server on ${server.url}  (REST /api/metrics · SSE /api/stream · WebSocket /api/ws · GraphQL /graphql)`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
