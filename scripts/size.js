/**
 * npm run size [-- --why] [-- --json]
 *
 * What each package entry costs a user's page: the entry bundled from source with lit, rxjs and d3
 * included, tree-shaken and minified by esbuild for the browser (conditions: production), then
 * gzipped. Entries are discovered, not listed: every `exports` path of package.json whose file is
 * built from `src/`, plus any `src/*.ts` entry not exported yet. A built file without a source
 * counterpart (the single-file bundle) is measured as built, when it exists.
 *
 * Entries are split as a bundler serves them (esbuild `splitting`): every `import()` becomes a chunk
 * of its own, loaded when the page needs it. `gzip` counts what a page downloads before the element
 * can show: the entry's file and every chunk it imports statically, transitively. `with lazy` adds
 * every chunk loaded later through `import()` (the widgets the `crm-pulse` loader or a dashboard
 * fetches, an editor opened on demand), so nothing is hidden. Each file is gzipped on its own (level
 * 9) and the files are summed: a browser fetches and decompresses them one response at a time, so
 * one gzip of them all would understate the transfer. An entry without `import()` is one file and
 * measures as it would unsplit.
 *
 * size-budgets.json holds two numbers per entry: the `target` the project aims for, and the
 * `limit` that is enforced: today's size with a little room, lowered as the code shrinks so that
 * nothing grows back unnoticed. Both apply to `gzip`, what is downloaded up front. Exits 1 when an
 * entry is over its limit; an entry between target and limit is reported as "above target".
 *   --why   the largest contributors per entry, up front and loaded later (from esbuild's metafile)
 *   --json  the table as JSON on stdout
 */
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifyTemplateLiterals } from './minify-template-literals.js';

const args = new Set(process.argv.slice(2));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = JSON.parse(readFileSync('size-budgets.json', 'utf8'));

/** The source of dist/crm-pulse.bundle.js (scripts/build.js). */
const BUNDLE_SOURCE = 'src/bundle.ts';

const rows = [];
for (const entry of discoverEntries()) rows.push(await measure(entry));

if (args.has('--json')) console.log(JSON.stringify(rows.map(({ inputs, lazyInputs, ...row }) => row), null, 2));
else printTable(rows);
if (args.has('--why')) for (const row of rows) if (row.inputs) printWhy(row);

const above = rows.filter((r) => r.status === 'above target');
// With --json, stdout holds the JSON alone.
const note = args.has('--json') ? console.error : console.log;
if (above.length) note(`\nAbove target (not yet where we want them): ${above.map((r) => r.entry).join(', ')}`);
const over = rows.filter((r) => r.status === 'over');
if (over.length) {
  console.error(`\nOver the enforced limit: ${over.map((r) => r.entry).join(', ')} (npm run size -- --why shows what they contain)`);
  process.exit(1);
}

/** Export paths with the file each one measures: a source to bundle, or a built file to read. */
function discoverEntries() {
  const entries = [];
  const seen = new Set();
  for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
    const target = typeof value === 'string' ? value : (value.default ?? value.import);
    if (typeof target !== 'string' || !target.endsWith('.js')) continue;
    const source = target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
    if (target.startsWith('./dist/') && existsSync(source)) {
      entries.push({ entry: subpath, source });
      seen.add(source);
    } else {
      entries.push({ entry: subpath, built: target.slice(2) });
    }
  }
  // A widget entry that package.json does not export yet is measured (and budgeted) all the same.
  // The single-file bundle's source is measured as built (`./bundle`), the file pages load.
  for (const file of readdirSync('src').sort()) {
    const source = `src/${file}`;
    if (!/\.ts$/.test(file) || /\.(d|test)\.ts$/.test(file) || seen.has(source) || source === BUNDLE_SOURCE) continue;
    const name = file.replace(/\.ts$/, '');
    entries.push({ entry: name === 'index' ? '.' : `./${name}`, source, unexported: true });
  }
  return entries;
}

async function measure({ entry, source, built, unexported }) {
  const pick = (table) => parseBudget(entry in table ? table[entry] : table['*']);
  const budget = pick(budgets.targets);
  const limit = pick(budgets.limits);
  const row = { entry: unexported ? `${entry} (not exported)` : entry, file: source ?? built, budget, limit };
  if (built && !existsSync(built)) return { ...row, status: 'not built' };
  let sizes;
  if (built) {
    const code = readFileSync(built);
    const gzip = gzipSync(code, { level: 9 }).length;
    sizes = { raw: code.length, gzip, chunks: 1, totalRaw: code.length, totalGzip: gzip, totalChunks: 1 };
  } else {
    Object.assign(row, await measureSplit(source));
    sizes = {};
  }
  const measured = { ...row, ...sizes };
  const { gzip } = measured;
  const status =
    limit !== null && gzip > limit ? 'over' : budget !== null && gzip > budget ? 'above target' : budget === null && limit === null ? 'info' : 'ok';
  return { ...measured, status };
}

/**
 * Bundles one entry with code splitting and sums its files: those imported statically from the
 * entry (`raw`, `gzip`), and all of them, `import()`ed ones and their chunks included (`totalRaw`,
 * `totalGzip`).
 */
async function measureSplit(source) {
  const result = await build({
    entryPoints: [source],
    bundle: true,
    splitting: true,
    outdir: 'size-check', // nothing is written (write: false); chunks need a folder to be named in
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['production'],
    tsconfig: './tsconfig.json',
    metafile: true,
    write: false,
    logLevel: 'error',
    plugins: [templatesAsBuilt()],
  });
  const outputs = result.metafile.outputs;
  const contents = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const entryOut = Object.keys(outputs).find((out) => outputs[out].entryPoint === source);
  const upFront = reachable(outputs, entryOut, (kind) => kind === 'import-statement');
  const all = reachable(outputs, entryOut, (kind) => kind === 'import-statement' || kind === 'dynamic-import');
  const sum = (files) => {
    let raw = 0;
    let gzip = 0;
    for (const out of files) {
      const code = contents.get(resolve(out));
      raw += code.length;
      gzip += gzipSync(code, { level: 9 }).length;
    }
    return { raw, gzip };
  };
  const inputsOf = (files) => {
    const inputs = {};
    for (const out of files) {
      for (const [file, { bytesInOutput }] of Object.entries(outputs[out].inputs)) {
        inputs[file] = { bytesInOutput: (inputs[file]?.bytesInOutput ?? 0) + bytesInOutput };
      }
    }
    return inputs;
  };
  const front = sum(upFront);
  const total = sum(all);
  const later = [...all].filter((out) => !upFront.has(out));
  return {
    raw: front.raw,
    gzip: front.gzip,
    chunks: upFront.size,
    totalRaw: total.raw,
    totalGzip: total.gzip,
    totalChunks: all.size,
    inputs: inputsOf(upFront),
    lazyInputs: later.length ? inputsOf(later) : null,
  };
}

/** The output files reached from `start` through imports of the kinds `follow` accepts, `start` included. */
function reachable(outputs, start, follow) {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const { path, kind } of outputs[queue.shift()].imports) {
      if (follow(kind) && !seen.has(path) && path in outputs) {
        seen.add(path);
        queue.push(path);
      }
    }
  }
  return seen;
}

/** "40 KiB" | "40 kB" | 40960 | null → bytes or null. */
function parseBudget(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const m = /^\s*([\d.]+)\s*(KiB|kB|B)?\s*$/.exec(value);
  if (!m) throw new Error(`size-budgets.json: cannot read budget ${JSON.stringify(value)}`);
  return Math.round(Number(m[1]) * ({ KiB: 1024, kB: 1000, B: 1 }[m[2] ?? 'B']));
}

function kib(bytes) {
  return bytes === null || bytes === undefined ? '—' : `${(bytes / 1024).toFixed(2)} KiB`;
}

function printTable(rows) {
  const table = [['entry', 'file', 'minified', 'gzip', 'with lazy', 'target', 'limit', 'status']].concat(
    rows.map((r) => [r.entry, r.file, kib(r.raw), kib(r.gzip), r.totalGzip === r.gzip ? '' : kib(r.totalGzip), kib(r.budget), kib(r.limit), r.status]),
  );
  const widths = table[0].map((_, i) => Math.max(...table.map((cells) => cells[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(table[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const cells of table.slice(1)) console.log(line(cells));
  console.log(
    '\nminified, gzip: what a page downloads before the element shows (the entry and the chunks it imports statically;',
    'esbuild --bundle --splitting --minify, lit/rxjs/d3 included; each file gzipped at level 9, summed).',
    '\nwith lazy: every chunk included that import() loads later (empty when there is none).',
    'Targets and enforced limits (on gzip): size-budgets.json',
  );
}

/** Minified bytes per package (or per source folder), largest first: up front, then loaded later. */
function printWhy(row) {
  printOrigins(`\n${row.entry} — minified bytes by origin (before gzip), up front:`, row.inputs);
  if (row.lazyInputs) printOrigins(`${row.entry} — loaded later through import():`, row.lazyInputs);
}

function printOrigins(title, inputs) {
  const byOrigin = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const pkgName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const origin = pkgName ?? file.split('/').slice(0, -1).join('/');
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + bytesInOutput);
  }
  console.log(title);
  for (const [origin, bytes] of [...byOrigin].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
    console.log(`  ${String(bytes).padStart(7)}  ${origin}`);
  }
}

/** The templates and stylesheets as `npm run build` ships them: without comments and layout whitespace. */
function templatesAsBuilt() {
  return {
    name: 'minify-template-literals',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({ contents: minifyTemplateLiterals(readFileSync(args.path, 'utf8'), args.path), loader: 'ts' }));
    },
  };
}
