// Plain JavaScript, no build: import the single-file bundle and register a source by name.
import { registerSource, staticSource } from '../../dist/crm-pulse.bundle.js';

registerSource(
  'crm',
  staticSource({
    revenue: [{ value: 1234567, previous: 1000000 }],
    win_rate: [{ value: 0.318, previous: 0.29, target: 0.35 }],
  }),
);
