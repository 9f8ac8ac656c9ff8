import { registerSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
import '../src/funnel.js';
import '../src/campaign-roi.js';

/** The demo CRM, changing every 1.5 s. */
registerSource('crm', demoSource({ seed: 42, intervalMs: 1500 }));

document.addEventListener('crm-drilldown', (e) => {
  e.preventDefault(); // the demo shows the event instead of navigating
  const { metric, row, value, href } = e.detail;
  document.getElementById('log')!.textContent = `crm-drilldown: ${metric} ${JSON.stringify(row)} value=${value}${href ? ` → ${href}` : ''}`;
});
