import { Observable } from 'rxjs';
// The widget's entry first, then the dashboard's: the widget is defined and connected before the
// dashboard exists, and has to ask for its context when the dashboard connects.
import '../../../src/kpi.js';
import '../../../src/dashboard.js';
import { type MetricQuery, registerSource } from '../../../src/data/index.js';

/** The page's source, recording what it is asked: the test reads `window.asked`. */
const asked: MetricQuery[] = [];
registerSource('default', {
  query: (q) =>
    new Observable((subscriber) => {
      asked.push(q);
      subscriber.next({ rows: [{ value: q.filters?.region ? 500 : 1000 }], asOf: Date.now() });
    }),
});
Object.assign(window, { asked });
