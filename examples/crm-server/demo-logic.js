/**
 * The simulated CRM of `demoSource`, loaded from the library's TypeScript sources: esbuild bundles
 * them in memory at start, so the server serves exactly the numbers the in-page demo shows,
 * without a build step and on Node versions that cannot run TypeScript.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @returns {Promise<{
 *   demoSource: (options?: { seed?: number; intervalMs?: number }) => { query(q: object): import('rxjs').Observable<object> };
 *   queryKey: (q: object) => string;
 *   queryFromParams: (params: URLSearchParams) => object | null;
 *   DEMO_KPIS: Record<string, object>;
 *   demoCatalog: () => Array<{ metric: string; label: string; kinds: string[]; unit?: string; dimensions?: string[] }>;
 * }>}
 */
export async function loadDemoLogic() {
  const result = await build({
    stdin: {
      contents: [
        "export { demoSource } from './src/data/demo-source.ts';",
        "export { queryKey } from './src/data/query-key.ts';",
        "export { queryFromParams } from './src/data/query-params.ts';",
        "export { DEMO_KPIS } from './src/data/demo-catalog.ts';",
        "export { demoCatalog } from './src/data/demo-catalog-entries.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
