import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, TitleComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { ECHARTS_OPTION } from './echarts-options.js';
import { KINDS, type Kind } from './frames.js';
import { type Dashboard, afterNextPaint, exposeBench } from './harness.js';

// Only the modules the dashboard needs, as ECharts recommends for production bundles.
use([BarChart, FunnelChart, LineChart, GridComponent, TitleComponent, CanvasRenderer]);

/** The same dashboard drawn with ECharts: one chart per tile, updated with setOption on every frame. */
const dashboard: Dashboard = {
  kinds: () => Object.keys(KINDS) as Kind[],
  async mount(grid, widgets, feed) {
    for (const widget of widgets) {
      const tile = document.createElement('div');
      tile.className = 'chart';
      grid.append(tile);
      const chart = init(tile);
      const option = ECHARTS_OPTION[widget.kind];
      feed.listen(widget.metric, (frame) => chart.setOption(option(frame, widget.label)));
    }
    // setOption draws at once; the charts reach the screen with the next paint.
    await afterNextPaint();
  },
};

exposeBench(dashboard);
