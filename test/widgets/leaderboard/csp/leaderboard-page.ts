import { Subject, startWith } from 'rxjs';
import type { MetricFrame } from '../../../../src/data/types.js';
import '../../../../src/leaderboard.js';

/** The page's source: the test drives it through `window.emitAgents`. */
const frames = new Subject<MetricFrame>();
const first: MetricFrame = {
  rows: [
    { id: 'a', name: 'Ana Ortiz', value: 10, avatar: '' },
    { id: 'b', name: 'Ben Okafor', value: 20, avatar: '/no-such-avatar.png' },
    { id: 'c', name: 'Chloé Martin', value: 20 },
    { id: 'd', name: 'Dev Patel', value: 5 },
  ],
  asOf: Date.now(),
};
const board = document.querySelector('crm-leaderboard')!;
board.source = { query: () => frames.pipe(startWith(first)) };
Object.assign(window, { emitAgents: (rows: MetricFrame['rows']) => frames.next({ rows, asOf: Date.now() }) });
