import { KINDS, type Kind } from './frames.js';
import { type Dashboard, afterNextPaint, exposeBench } from './harness.js';

/**
 * The harness alone: the same feed, clock and probes, with tiles that ignore their frames. Its busy
 * time is what both dashboards' figures include without drawing anything.
 */
const dashboard: Dashboard = {
  kinds: () => Object.keys(KINDS) as Kind[],
  async mount(grid, widgets, feed) {
    for (const widget of widgets) feed.listen(widget.metric, () => {});
    grid.textContent = 'harness only';
    await afterNextPaint();
  },
};

exposeBench(dashboard);
