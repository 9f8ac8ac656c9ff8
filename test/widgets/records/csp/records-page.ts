import { Subject, startWith } from 'rxjs';
import type { MetricFrame } from '../../../../src/data/types.js';
import '../../../../src/records.js';

/** The page's source: 2,000 records, a hostile one among them; the test drives it through `window.emitRecords`. */
const frames = new Subject<MetricFrame>();
const rows = (n: number): MetricFrame['rows'] => [
  { id: 'x', name: '<img src=x onerror=alert(1)>', amount: 5_000_000, href: 'javascript:alert(1)' },
  ...Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `Record ${i}`, owner: 'Ana', stage: 'Proposal', amount: i * 10, closeDate: '2026-03-31', href: `/r/${i}` })),
];
const records = document.querySelector('crm-records')!;
records.source = { query: () => frames.pipe(startWith({ rows: rows(2_000), asOf: Date.now() })) };
Object.assign(window, { emitRecords: (n: number) => frames.next({ rows: rows(n), asOf: Date.now() }) });
