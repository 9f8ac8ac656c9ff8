/**
 * npm start: builds the package (the no-bundler page loads dist/), starts the reference CRM
 * metrics server, and serves the demo dashboard with Vite. Ctrl+C stops both.
 *
 *   npm start                      server on 127.0.0.1:8787, dashboard on Vite's port
 *   npm start -- --port 5600       extra arguments go to Vite
 *   CRM_SERVER_PORT=9000 npm start another server port (open the page with ?server=http://127.0.0.1:9000)
 *   npm start -- --no-build        skip the build
 *
 * The reference server is a child of its own: kill it (its pid is printed) to watch the widgets go
 * stale with their reason, and start it again alone with
 *
 *   node examples/crm-server/main.js --port 8787
 *
 * The page and the dev server stay up meanwhile; the widgets reconnect by themselves, without a
 * reload, and the numbers continue where they were (the server keeps its simulated CRM's start time).
 */
import { spawn, spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const viteArgs = args.filter((a) => a !== '--no-build');
const port = process.env.CRM_SERVER_PORT ?? '8787';
const restart = `node examples/crm-server/main.js --port ${port}`;

if (build && spawnSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const crmServer = spawn(process.execPath, ['examples/crm-server/main.js', '--port', port], { stdio: 'inherit' });
const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'vite.demo.config.ts', ...viteArgs], { stdio: 'inherit' });
console.log(`Reference CRM server: pid ${crmServer.pid}. Kill it to watch the widgets go stale; start it again alone with: ${restart}`);
if (port !== '8787') console.log(`Open the dashboard with ?server=http://127.0.0.1:${port}`);

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const child of [crmServer, vite]) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
// The server going away is part of the demo: the page and the dev server stay.
crmServer.on('exit', (code, signal) => {
  if (stopping) return;
  console.log(`\nThe reference CRM server stopped (${signal ?? `exit code ${code}`}); the dashboard keeps running and shows why its tiles are stale.`);
  console.log(`Start the server again alone with: ${restart}\n`);
});
vite.on('exit', (code) => stop(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
