/**
 * npm start: builds the package (the no-bundler page loads dist/), starts the reference CRM
 * metrics server, and serves the demo dashboard with Vite. Ctrl+C stops both.
 *
 *   npm start                      server on 127.0.0.1:8787, dashboard on Vite's port
 *   npm start -- --port 5600       extra arguments go to Vite
 *   CRM_SERVER_PORT=9000 npm start another server port (open the page with ?server=http://127.0.0.1:9000)
 *   npm start -- --no-build        skip the build
 */
import { spawn, spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const viteArgs = args.filter((a) => a !== '--no-build');
const port = process.env.CRM_SERVER_PORT ?? '8787';

if (build && spawnSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const children = [
  spawn(process.execPath, ['examples/crm-server/main.js', '--port', port], { stdio: 'inherit' }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'vite.demo.config.ts', ...viteArgs], { stdio: 'inherit' }),
];
if (port !== '8787') console.log(`Open the dashboard with ?server=http://127.0.0.1:${port}`);

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
