import { Observable } from 'rxjs';
import { type MetricQuery, registerSource } from '../../../src/index.js';

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
