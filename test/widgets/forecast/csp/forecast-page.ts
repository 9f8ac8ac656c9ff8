import { Subject, startWith } from 'rxjs';
import type { MetricFrame } from '../../../../src/data/types.js';
import '../../../../src/forecast.js';
import { direct, partner } from '../helpers.js';

/** The page's source: the test drives it through `window.emitForecast`. */
const frames = new Subject<MetricFrame>();
const weekly = [0, 1, 2].flatMap((w) => direct.map((r) => ({ ...r, time: Date.UTC(2024, 3, 1 + 7 * w) })));
for (const el of document.querySelectorAll('crm-forecast')) {
  el.source = { query: (q) => frames.pipe(startWith({ rows: q.dimensions?.includes('time') ? weekly : [...direct, ...partner], asOf: Date.now() })) };
}
Object.assign(window, { emitForecast: (rows: MetricFrame['rows']) => frames.next({ rows, asOf: Date.now() }) });
