import { defineConfig } from 'vite';

/** `npm start`: the demo dashboard in examples/, served from the TypeScript sources. */
export default defineConfig({
  root: 'examples',
  server: { port: 5173, host: '127.0.0.1', fs: { allow: ['..'] } },
  preview: { port: 4173, host: '127.0.0.1' },
});
