import { Observable } from 'rxjs';
import type { MetricFrame, MetricQuery, MetricSource } from '../src/data/types.js';
import { KINDS } from './frames.js';
import { type Dashboard, afterThisFrame, definedKinds, exposeBench } from './harness.js';
import type { Probe } from './probe.js';

// The widget entries are imported by the runner's build (every src/*.ts entry that exists), so
// the dashboard grows with each widget without edits here.

/** The crm-pulse dashboard: one element per tile, all bound to one source backed by the feed. */
const dashboard: Dashboard = {
  kinds: definedKinds,
  mount(grid, widgets, feed, probe) {
    for (const kind of new Set(widgets.map((w) => w.kind))) countRenders(KINDS[kind], probe);
    const source: MetricSource = {
      query: (q: MetricQuery) => new Observable<MetricFrame>((subscriber) => feed.listen(q.metric, (frame) => subscriber.next(frame))),
    };
    return new Promise((resolve) => {
      const waiting = new Set<EventTarget>();
      grid.addEventListener('crm-state', (event) => {
        if (event.detail.state === 'ready' && waiting.delete(event.target!) && waiting.size === 0) {
          // The last tile got its data in this animation frame and renders in it.
          void afterThisFrame().then(resolve);
        }
      });
      for (const widget of widgets) {
        const element = Object.assign(document.createElement(KINDS[widget.kind]), { source, metric: widget.metric, label: widget.label });
        waiting.add(element);
        grid.append(element);
      }
    });
  },
};

const counted = new WeakSet<object>();

/** Counts every `updated()` of the tag's elements: one per render. */
function countRenders(tag: string, probe: Probe): void {
  const proto = customElements.get(tag)!.prototype as { updated(changed: unknown): void };
  if (counted.has(proto)) return;
  counted.add(proto);
  const updated = proto.updated;
  proto.updated = function (this: object, changed: unknown) {
    probe.countRender(this);
    updated.call(this, changed);
  };
}

exposeBench(dashboard);
