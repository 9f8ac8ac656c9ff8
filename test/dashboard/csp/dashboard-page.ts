import '../../../src/dashboard.js';
import { registerSource } from '../../../src/data/index.js';
import { demoSource } from '../../../src/demo.js';

/** The page's CRM: the demo source, live, with hostile names nowhere but the title. */
registerSource('default', demoSource({ seed: 3, intervalMs: 300 }));
