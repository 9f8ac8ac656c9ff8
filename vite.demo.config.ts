import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { type Plugin, defineConfig } from 'vite';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/**
 * Serves folders byte for byte, as a plain web server would: the no-bundler page and the built
 * bundle must reach the browser without Vite's dev client or transforms (which a strict CSP on that
 * page would also reject).
 */
function serveAsIs(mounts: Record<string, string>): Plugin {
  return {
    name: 'serve-as-is',
    configureServer(server) {
      for (const [prefix, folder] of Object.entries(mounts)) {
        const root = resolve(folder);
        server.middlewares.use(prefix, (req, res, next) => {
          const path = normalize(join(root, decodeURIComponent((req.url ?? '/').split('?')[0]!)));
          const file = path.endsWith('/') || (existsSync(path) && statSync(path).isDirectory()) ? join(path, 'index.html') : path;
          if (!file.startsWith(root) || !existsSync(file)) return next();
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      }
    },
  };
}

/**
 * `npm start`: the live demo dashboard at / (examples/index.html, from the TypeScript sources) and
 * the no-bundler page at /examples/plain/ (only dist/crm-pulse.bundle.js, no build step).
 */
export default defineConfig({
  root: 'examples',
  server: { port: 5173, host: '127.0.0.1', fs: { allow: ['..'] } },
  plugins: [serveAsIs({ '/examples/plain': 'examples/plain', '/dist': 'dist' })],
});
