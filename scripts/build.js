/**
 * npm run build:
 *  1. per-entry ESM (`.`, `./kpi`, `./funnel`, `./campaign-roi`, `./leaderboard`, `./forecast`, `./records`, `./dashboard`, `./data`, `./data/graphql-ws`, `./demo`) with lit, rxjs and d3 left to the user's bundler;
 *  2. one self-contained, minified `dist/crm-pulse.bundle.js` for pages without a bundler;
 *  3. type declarations;
 *  4. the custom-elements manifest, read from the sources' JSDoc.
 */
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { minifyTemplateLiterals } from './minify-template-literals.js';

const entries = ['src/index.ts', 'src/kpi.ts', 'src/funnel.ts', 'src/campaign-roi.ts', 'src/leaderboard.ts', 'src/forecast.ts', 'src/records.ts', 'src/dashboard.ts', 'src/data/index.ts', 'src/data/graphql-ws-source.ts', 'src/demo.ts', 'src/testing/index.ts'];
const external = [/^graphql-ws(\/|$)/, /^lit(\/|$)/, /^@lit(-labs)?\//, /^rxjs(\/|$)/, /^d3-/, /^internmap$/];

rmSync('dist', { recursive: true, force: true });

/** Templates and stylesheets ship without their comments and layout whitespace (see template-minify.js). */
const templateLiterals = {
  name: 'minify-template-literals',
  enforce: 'pre',
  transform: (code, id) => (/\/src\/.*\.ts$/.test(id) ? { code: minifyTemplateLiterals(code, id), map: null } : null),
};

await build({
  configFile: false,
  logLevel: 'warn',
  plugins: [templateLiterals],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    // One output file per source file: the define modules stay separate files, so the package's
    // `sideEffects` list can name exactly them and bundlers tree-shake everything else.
    rollupOptions: { external, output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' } },
  },
});

await build({
  configFile: false,
  logLevel: 'warn',
  mode: 'production',
  plugins: [templateLiterals],
  // rxjs's ES2015 build needs no ES5 helpers: smaller than the default it resolves to.
  resolve: { conditions: ['es2015', 'module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: { entry: { 'crm-pulse.bundle': 'src/bundle.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    // Lib mode leaves whitespace in ES output; the bundle is for pages, so minify it fully.
    rollupOptions: { output: { codeSplitting: false, minify: true } },
  },
});

const bin = (name) => `node_modules/.bin/${name}`;
execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(bin('cem'), ['analyze', '--quiet'], { stdio: 'inherit' });
console.log('built dist/ and custom-elements.json');
