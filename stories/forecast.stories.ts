import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type MetricSource, staticSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
import '../src/forecast.js';
import {
  type Row,
  type ValueFormatArgs,
  type WidgetArgs,
  failsAtOnce,
  neverAnswers,
  onDarkPage,
  oneFrameThenSilence,
  opt,
  sideBySide,
  smallChartTile,
  valueFormatArgTypes,
  widgetArgTypes,
  widthOf,
  withDrilldownLog,
} from './story-kit.js';

/** The attributes the controls drive; names match the element's attributes. */
interface ForecastArgs extends WidgetArgs, ValueFormatArgs {
  mode?: 'bars' | 'trend';
  dimensions?: string;
  categories?: string;
  amounts?: 'category' | 'cumulative';
  quota?: string;
  'group-field'?: string;
  'category-field'?: string;
  'value-field'?: string;
  'quota-field'?: string;
}

/** One forecast bound to `source`; every story goes through here so the controls always apply. */
function forecast(args: ForecastArgs, source: MetricSource | string) {
  return html`<crm-forecast
    .source=${source}
    metric=${args.metric}
    label=${opt(args.label)}
    range=${opt(args.range)}
    mode=${opt(args.mode)}
    dimensions=${opt(args.dimensions)}
    categories=${opt(args.categories)}
    amounts=${opt(args.amounts)}
    quota=${opt(args.quota)}
    group-field=${opt(args['group-field'])}
    category-field=${opt(args['category-field'])}
    value-field=${opt(args['value-field'])}
    quota-field=${opt(args['quota-field'])}
    format=${opt(args.format)}
    currency=${opt(args.currency)}
    locale=${opt(args.locale)}
    theme=${opt(args.theme)}
    stale-after=${opt(args['stale-after'])}
    drill-href=${opt(args['drill-href'])}
  ></crm-forecast>`;
}

/** Rows as a CRM sends them: each category's own amount per channel, the channel's quota on its rows. */
const channel = (group: string, quota: number, closed: number, commit: number, bestCase: number, pipeline: number, omitted = 0): Row[] => [
  { channel: group, category: 'closed', value: closed, quota },
  { channel: group, category: 'commit', value: commit, quota },
  { channel: group, category: 'best_case', value: bestCase, quota },
  { channel: group, category: 'pipeline', value: pipeline, quota },
  ...(omitted ? [{ channel: group, category: 'omitted', value: omitted, quota }] : []),
];
const channels: Row[] = [...channel('Direct', 1_000_000, 600_000, 250_000, 150_000, 400_000, 80_000), ...channel('Partner', 500_000, 180_000, 120_000, 140_000, 260_000)];
const money = { forecast: [{ name: 'value', type: 'number' as const, unit: 'EUR', label: 'Forecast' }] };
const teams: Row[] = [
  ...channel('North', 500_000, 100_000, 80_000, 60_000, 150_000),
  ...channel('South', 540_000, 170_000, 110_000, 60_000, 130_000),
  ...channel('East', 580_000, 240_000, 140_000, 60_000, 110_000),
  ...channel('West', 620_000, 310_000, 170_000, 60_000, 90_000),
  ...channel('Central & Overseas Territories', 660_000, 380_000, 200_000, 60_000, 70_000),
];

const meta: Meta<ForecastArgs> = {
  title: 'Widgets/crm-forecast',
  component: 'crm-forecast',
  // A chart is as wide as its container; 560px is a typical dashboard panel.
  decorators: [widthOf('560px')],
  args: { metric: 'forecast', label: 'Forecast this quarter', locale: 'en-US' },
  argTypes: {
    ...widgetArgTypes,
    ...valueFormatArgTypes,
    mode: { control: 'inline-radio', options: ['bars', 'trend'] },
    dimensions: { control: 'text' },
    categories: { control: 'text' },
    amounts: { control: 'inline-radio', options: ['category', 'cumulative'] },
    quota: { control: 'text' },
    'group-field': { control: 'text' },
    'category-field': { control: 'text' },
    'value-field': { control: 'text' },
    'quota-field': { control: 'text' },
  },
};
export default meta;

type Story = StoryObj<ForecastArgs>;

/** Direct and partner sales from the simulated CRM, one above the other on one scale: deals move up the categories every 1.5 s. */
export const Ready: Story = {
  args: { range: 'this_quarter' },
  render: (args) => forecast(args, demoSource({ seed: 7, intervalMs: 1500 })),
};

/** The call (closed + commit) week by week against the quota line. */
export const Trend: Story = {
  args: { range: 'this_quarter', mode: 'trend' },
  render: (args) => forecast(args, demoSource({ seed: 7, intervalMs: 1500 })),
};

/** Closed 600K, commit 250K, best case 150K, pipeline 400K, quota 1M: call 850K, 85 %, €150K to go. Omitted 80K is listed, not summed. */
export const KnownNumbers: Story = {
  name: 'Known numbers',
  render: (args) => forecast(args, staticSource({ forecast: channels }, { fields: money })),
};

/** Five teams (`dimensions="team"`): thinner bars, and the captions give way before the bars do. */
export const FiveGroups: Story = {
  name: 'Five groups',
  args: { dimensions: 'team', label: 'Forecast by region' },
  render: (args) => forecast(args, staticSource({ forecast: teams.map(({ channel: team, ...r }) => ({ ...r, team })) }, { fields: money })),
};

/** In a 280 × 200 tile: fewer texts, never overlapping ones. */
export const SmallTile: Story = {
  name: 'Small tile',
  parameters: { width: 'none' },
  render: (args) => sideBySide(smallChartTile, forecast(args, staticSource({ forecast: channels }, { fields: money })), forecast({ ...args, mode: 'trend' }, demoSource({ seed: 7, intervalMs: 0 }))),
};

/** No quota for partner: no marker and no attainment (not "0 %"), and no total quota; a quota of 0 reads "n/a". */
export const QuotaStates: Story = {
  name: 'Missing and zero quota',
  parameters: { width: 'none' },
  render: (args) =>
    sideBySide(
      { width: '420px', height: '300px' },
      forecast(args, staticSource({ forecast: channels.map((r) => (r.channel === 'Partner' ? { ...r, quota: null } : r)) }, { fields: money })),
      forecast(args, staticSource({ forecast: channels.map((r) => ({ ...r, quota: 0 })) }, { fields: money })),
    ),
};

/** Negative and non-numeric amounts, and an unknown category: "—" and a warning in words; the unknown one is listed, not summed. */
export const BadInput: Story = {
  name: 'Bad input',
  render: (args) =>
    forecast(
      args,
      staticSource({
        forecast: [
          { channel: 'Direct', category: 'closed', value: 600_000, quota: 1_000_000 },
          { channel: 'Direct', category: 'commit', value: -5 },
          { channel: 'Direct', category: 'best_case', value: 'lots' },
          { channel: 'Direct', category: 'Renewal', value: 70_000 },
          ...channel('Partner', 500_000, 180_000, 120_000, 140_000, 260_000),
        ],
      }),
    ),
};

/** `amounts="cumulative"`: rows are running levels; a best case below commit is not cumulative, flagged and counted as 0. */
export const NotCumulative: Story = {
  name: 'Cumulative amounts, one not cumulative',
  args: { amounts: 'cumulative' },
  render: (args) =>
    forecast(args, staticSource({ forecast: [{ category: 'Closed', value: 600_000, quota: 1_000_000 }, { category: 'Commit', value: 850_000 }, { category: 'Best Case', value: 700_000 }, { category: 'Pipeline', value: 1_400_000 }] })),
};

/** Other category names and labels, in another CRM's vocabulary. */
export const RenamedCategories: Story = {
  name: 'Renamed categories',
  args: { categories: 'won:Won,likely:Likely,upside:Upside', quota: '900000' },
  render: (args) => forecast(args, staticSource({ forecast: [{ category: 'won', value: 420_000 }, { category: 'likely', value: 230_000 }, { category: 'upside', value: 180_000 }] }, { fields: money })),
};

/** A source that has not answered yet: the skeleton. */
export const Loading: Story = {
  render: (args) => forecast(args, neverAnswers()),
};

/** One frame, then silence: after `stale-after` ms the last numbers stay, dimmed and marked "Not updating". */
export const Stale: Story = {
  args: { 'stale-after': 1500 },
  render: (args) => forecast(args, oneFrameThenSilence(() => ({ rows: channels, asOf: Date.now() }))),
};

/** A source that fails before any data arrived. Retry asks again at once. */
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => forecast(args, failsAtOnce()),
};

/** The source answered, with no rows. */
export const Empty: Story = {
  render: (args) => forecast(args, staticSource({ forecast: [] })),
};

/** German numbers and words. */
export const GermanLocale: Story = {
  name: 'German locale',
  args: { locale: 'de-DE', label: 'Prognose Quartal' },
  render: (args) => forecast(args, staticSource({ forecast: channels.map((r) => ({ ...r, channel: r.channel === 'Direct' ? 'Direktvertrieb' : 'Partner' })) }, { fields: money })),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark', range: 'this_quarter' },
  parameters: { width: 'none' },
  render: (args) => onDarkPage([forecast(args, demoSource({ seed: 3, intervalMs: 2000 })), forecast({ ...args, mode: 'trend' }, demoSource({ seed: 3, intervalMs: 2000 }))], { minWidth: '320px' }),
};

/** Click a segment, or Tab to the chart, move with the arrow keys and press Enter: the detail carries group, category and value. */
export const DrillDown: Story = {
  name: 'Drill-down',
  args: { range: 'this_quarter', 'drill-href': '/opportunities?channel={group}&forecast_category={category}' },
  render: (args) => withDrilldownLog(forecast(args, staticSource({ forecast: channels }, { fields: money })), '(click a segment)'),
};

/** Public `--crm-*` tokens restyle the chart, the category colours included. */
export const Theming: Story = {
  render: (args) => html`
    <style>
      .brand crm-forecast {
        --crm-font-family: Georgia, serif;
        --crm-color-surface: #fff8f0;
        --crm-color-border: #e8c9a8;
        --crm-forecast-closed-color: #b4530f;
        --crm-forecast-quota-color: #5a2a00;
        --crm-radius: 2px;
      }
    </style>
    <div class="brand">${forecast(args, staticSource({ forecast: channels }, { fields: money }))}</div>
  `,
};
