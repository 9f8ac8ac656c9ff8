import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MetricSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
import type { DashboardConfig } from '../src/dashboard.js';
// The entry defines <crm-dashboard>; it loads the widgets a config or a child places.
import '../src/dashboard.js';
import { onDarkPage, opt, widthOf } from './story-kit.js';

/** The attributes the controls drive; names match the element's attributes. */
interface DashboardArgs {
  /** Listed for its docs rows only: each story binds its own source and config. */
  source?: never;
  config?: never;
  label?: string;
  range?: string;
  compare?: 'previous_period' | 'previous_year';
  filters?: string;
  'filter-options'?: string;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  'cross-filter'?: boolean;
  editable?: boolean;
  'storage-key'?: string;
}

/**
 * One dashboard on `source`, placed by `config` (or by its children when there is none); every
 * story goes through here so the controls always apply.
 */
function dashboard(args: DashboardArgs, source: MetricSource, config?: DashboardConfig | string, children: unknown = '') {
  return html`<crm-dashboard
    .source=${source}
    .config=${config}
    label=${opt(args.label)}
    range=${opt(args.range)}
    compare=${opt(args.compare)}
    filters=${opt(args.filters)}
    filter-options=${opt(args['filter-options'])}
    locale=${opt(args.locale)}
    theme=${opt(args.theme)}
    ?cross-filter=${args['cross-filter']}
    ?editable=${args.editable}
    storage-key=${opt(args['storage-key'])}
    >${children}</crm-dashboard
  >`;
}

/** The simulated CRM: numbers move every two seconds, and it answers the records behind them. */
const live = () => demoSource({ seed: 42, intervalMs: 2000 });

/** A sales and service overview on a 12-column grid: the demo page's dashboard, as plain data. */
const overview: DashboardConfig = {
  title: 'Sales & service overview',
  range: 'this_quarter',
  widgets: [
    { type: 'kpi', id: 'revenue', metric: 'revenue', thresholds: '0:Behind, 1000000:On track', x: 0, y: 0, w: 3, h: 3 },
    { type: 'kpi', id: 'pipeline', metric: 'pipeline_value', label: 'Pipeline (direct + partner)', x: 3, y: 0, w: 3, h: 3 },
    { type: 'kpi', id: 'win-rate', metric: 'win_rate', x: 6, y: 0, w: 3, h: 3 },
    { type: 'kpi', id: 'new-leads', metric: 'new_leads', x: 9, y: 0, w: 3, h: 3 },
    { type: 'funnel', id: 'funnel', metric: 'funnel', label: 'Pipeline by stage', x: 0, y: 3, w: 6, h: 5 },
    { type: 'campaign-roi', id: 'campaigns', metric: 'campaigns', label: 'Campaign ROI', 'metric-columns': 'leads,opportunities,won', x: 6, y: 3, w: 6, h: 5 },
    { type: 'forecast', id: 'forecast', metric: 'forecast', label: 'Forecast by channel', drill: 'records', x: 0, y: 8, w: 7, h: 5 },
    { type: 'leaderboard', id: 'sales-reps', metric: 'revenue', label: 'Revenue by rep', team: 'Sales', limit: 5, highlight: 'a12', format: 'currency', currency: 'EUR', x: 7, y: 8, w: 5, h: 5 },
    { type: 'records', id: 'open-deals', metric: 'funnel_records', label: 'Open opportunities', sort: 'amount:desc', currency: 'EUR', x: 0, y: 13, w: 12, h: 5 },
  ],
};

/** The same dashboard in German words, for a German team. */
const germanOverview: DashboardConfig = {
  ...overview,
  title: 'Vertrieb & Service im Überblick',
  widgets: overview.widgets.map((w) => {
    // The demo source sends English field labels, which a widget shows as sent: German ones here.
    const label = { revenue: 'Umsatz', pipeline: 'Pipeline (direkt + Partner)', 'win-rate': 'Abschlussquote', 'new-leads': 'Neue Leads', funnel: 'Pipeline nach Phase', campaigns: 'Kampagnen-ROI', forecast: 'Prognose nach Kanal', 'sales-reps': 'Umsatz nach Vertriebler', 'open-deals': 'Offene Verkaufschancen' }[w.id];
    return label ? { ...w, label } : w;
  }),
};

/** Entries a dashboard cannot show, each with the reason it gives instead of the widget. */
const withBadEntries = {
  title: 'A config with mistakes',
  widgets: [
    { type: 'kpi', id: 'revenue', metric: 'revenue', x: 0, y: 0, w: 3, h: 3 },
    { type: 'chart', id: 'pie', metric: 'revenue', x: 3, y: 0, w: 3, h: 3 },
    { type: 'kpi', id: 'no-metric', x: 6, y: 0, w: 3, h: 3 },
    { type: 'kpi', id: 'revenue', metric: 'win_rate', x: 9, y: 0, w: 3, h: 3 },
    { type: 'funnel', id: 'funnel', metric: 'funnel', onclick: 'alert(1)', style: 'display:none', x: 0, y: 3, w: 6, h: 5 },
    'a widget written as text',
    { type: 'leaderboard', id: 'agents', metric: 'agents', team: 'Service', limit: 5, label: '<img src=x onerror=alert(1)>', x: 6, y: 3, w: 6, h: 5 },
  ],
} as unknown as DashboardConfig;

/** Prints the config every `crm-config-change` carries below the dashboard: what a host would persist. */
function withConfigLog(board: unknown) {
  const log = document.createElement('pre');
  log.textContent = 'crm-config-change: (press Edit, then move, resize, remove or add a widget)';
  const onChange = (e: Event) => {
    log.textContent = `crm-config-change ${JSON.stringify((e as CustomEvent).detail.config, null, 2)}`;
  };
  return html`<div @crm-config-change=${onChange}>${board}</div>
    ${log}`;
}

const meta: Meta<DashboardArgs> = {
  title: 'Dashboard/crm-dashboard',
  component: 'crm-dashboard',
  // A dashboard fills its page: as wide as a laptop's content area unless a story narrows it.
  decorators: [widthOf('1280px')],
  args: { locale: 'en-US', 'filter-options': 'region=EMEA,Americas,APAC;channel=direct,partner' },
  argTypes: {
    source: { control: false },
    config: { control: false },
    label: { control: 'text' },
    range: { control: 'select', options: ['', 'today', 'this_week', 'this_month', 'last_30_days', 'this_quarter', 'this_year', '2026-01-01/2026-03-31'] },
    compare: { control: 'inline-radio', options: ['previous_period', 'previous_year'] },
    filters: { control: 'text' },
    'filter-options': { control: 'text' },
    locale: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    'cross-filter': { control: 'boolean' },
    editable: { control: 'boolean' },
    'storage-key': { control: 'text' },
    // Internal state the manifest lists among the attributes: not part of the element's API.
    _editing: { table: { disable: true } },
    _customOpen: { table: { disable: true } },
  } as Meta<DashboardArgs>['argTypes'],
};
export default meta;

type Story = StoryObj<DashboardArgs>;

/** Built from a config on the simulated CRM. Pick a period or a region and every widget asks again;
 * click a KPI, a stage or a forecast segment to see the records behind it (Back or Escape returns). */
export const FromConfig: Story = {
  name: 'From a config',
  render: (args) => dashboard(args, live(), overview),
};

/** `cross-filter`: a click on a funnel stage, a campaign or a rep adds a chip, and every other widget
 * shows that slice; remove the chip or press Escape to clear it. The forecast keeps `drill="records"`. */
export const CrossFilter: Story = {
  name: 'Cross-filter',
  args: { 'cross-filter': true },
  render: (args) => dashboard(args, live(), overview),
};

/** `editable` with a `storage-key`: Edit, then drag a tile by its handle (or use the arrow keys on
 * it), resize from the corner, remove, or "Add widget" from the source's catalog. The layout is kept
 * in this browser; "Reset layout" brings the config back. Each change fires `crm-config-change`. */
export const Editable: Story = {
  args: { editable: true, 'storage-key': 'crm-pulse-story-dashboard' },
  render: (args) => withConfigLog(dashboard(args, live(), overview)),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark', 'cross-filter': true },
  render: (args) => onDarkPage([dashboard(args, live(), overview)]),
};

/** At 390 px the grid becomes one column in the config's reading order, and the controls wrap. */
export const Phone: Story = {
  parameters: { width: '390px' },
  args: { 'cross-filter': true },
  render: (args) => dashboard(args, live(), overview),
};

/** No config: widgets written as plain children take the dashboard's source, period and filters;
 * the second KPI sets its own `range`, which wins over the dashboard's. */
export const PlainChildren: Story = {
  name: 'Plain children',
  args: { label: 'Service this week', range: 'this_week' },
  render: (args) =>
    dashboard(
      args,
      live(),
      undefined,
      html`<crm-kpi metric="open_cases" positive="down"></crm-kpi>
        <crm-kpi metric="tickets_resolved" label="Tickets resolved this year" range="this_year"></crm-kpi>
        <crm-kpi metric="csat" label="CSAT"></crm-kpi>
        <crm-kpi metric="avg_handle_time" positive="down"></crm-kpi>
        <crm-leaderboard metric="agents" label="Tickets resolved by agent" team="Service" limit="5"></crm-leaderboard>
        <crm-funnel metric="funnel" label="Pipeline by stage" style="grid-column: span 8"></crm-funnel>`,
    ),
};

/** An unknown type, a missing metric and an entry that is not an object each show a placeholder with
 * the reason; a repeated id gets a new one and refused attributes (`onclick`, `style`) are left off,
 * both noted in the console; the rest still works, and markup in a label stays text. */
export const InvalidConfig: Story = {
  name: 'Invalid config',
  render: (args) => dashboard(args, live(), withBadEntries),
};

/** A config that is not JSON at all: one note says why, instead of a blank page. */
export const UnreadableConfig: Story = {
  name: 'Unreadable config',
  render: (args) => dashboard(args, live(), '{ "title": "Half a config", "widgets": [ { "type": "kpi" '),
};

/** German controls, numbers, dates and widget words. */
export const GermanLocale: Story = {
  name: 'German locale',
  args: { locale: 'de-DE', 'filter-options': 'region=EMEA,Americas,APAC;channel=direct,partner' },
  render: (args) => dashboard(args, live(), germanOverview),
};
