import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { countReporter } from './scripts/count-reporter.js';
import { crmLabPlugin } from './test/servers/crm-lab-plugin.js';
import { existsSync } from 'node:fs';

/** Debian's Chromium unless CHROME_PATH says otherwise; nothing here downloads a browser. */
const executablePath =
  process.env.CHROME_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  // Shared two-core machines can be slow; a hung file still fails, just later.
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // Reference CRM servers on loopback for the adapter tests, started on demand by the tests.
    crmLabPlugin(),
  ],
  browsers: [
    chromeLauncher({
      // Each test file gets a window of its own: a page in a background tab is hidden, and a
      // hidden page gets no animation frames, which is when widgets render.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
