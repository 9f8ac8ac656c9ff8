import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type MetricSource, staticSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
import '../src/campaign-roi.js';
// A plain data module (no test framework): the frame with cost and revenue in euros.
import { euro } from '../test/widgets/campaign-roi/campaigns.js';
import {
  type Row,
  type WidgetArgs,
  failsAtOnce,
  inColumns,
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
interface RoiArgs extends WidgetArgs {
  view?: 'bars' | 'scatter';
  sort?: 'roi' | 'revenue' | 'cost' | 'name';
  limit?: number;
  'metric-columns'?: string;
  currency?: string;
}

/** One chart bound to `source`; every story goes through here so the controls always apply. */
function roi(args: RoiArgs, source: MetricSource | string) {
  return html`<crm-campaign-roi
    .source=${source}
    metric=${args.metric}
    label=${opt(args.label)}
    range=${opt(args.range)}
    view=${opt(args.view)}
    sort=${opt(args.sort)}
    limit=${opt(args.limit)}
    metric-columns=${opt(args['metric-columns'])}
    currency=${opt(args.currency)}
    locale=${opt(args.locale)}
    theme=${opt(args.theme)}
    stale-after=${opt(args['stale-after'])}
    drill-href=${opt(args['drill-href'])}
  ></crm-campaign-roi>`;
}

/** This quarter's campaigns; the referral programme costs nothing, so its ROI is "n/a". */
const campaigns: Row[] = [
  { campaign: 'Spring webinar series', cost: 18_000, revenue: 61_200, leads: 420, opportunities: 130, won: 35 },
  { campaign: 'Trade fair Hannover', cost: 64_000, revenue: 102_400, leads: 310, opportunities: 96, won: 26 },
  { campaign: 'Search ads Q2', cost: 42_000, revenue: 92_400, leads: 690, opportunities: 214, won: 58 },
  { campaign: 'Partner co-marketing', cost: 25_000, revenue: 72_500, leads: 240, opportunities: 74, won: 20 },
  { campaign: 'LinkedIn ABM', cost: 37_000, revenue: 25_900, leads: 150, opportunities: 47, won: 13 },
  { campaign: 'Customer referral', cost: 0, revenue: 38_000, leads: 95, opportunities: 29, won: 8 },
  { campaign: 'Newsletter upsell', cost: 4_500, revenue: 27_400, leads: 210, opportunities: 65, won: 18 },
  { campaign: 'Print mailing', cost: 21_000, revenue: 8_400, leads: 60, opportunities: 19, won: 5 },
];
const quarter = () => staticSource({ campaigns: euro(campaigns) });

const meta: Meta<RoiArgs> = {
  title: 'Widgets/crm-campaign-roi',
  component: 'crm-campaign-roi',
  decorators: [widthOf('640px')],
  args: { metric: 'campaigns', label: 'Campaign ROI', locale: 'en-US' },
  argTypes: {
    ...widgetArgTypes,
    view: { control: 'inline-radio', options: ['bars', 'scatter'] },
    sort: { control: 'inline-radio', options: ['roi', 'revenue', 'cost', 'name'] },
    limit: { control: 'number' },
    'metric-columns': { control: 'text' },
    // No `format`: cost and revenue are always money; `currency` overrides the unit the source gives.
    currency: valueFormatArgTypes.currency,
  },
};
export default meta;

type Story = StoryObj<RoiArgs>;

/** Live campaigns from the simulated CRM: bars slide to their new rank as revenue comes in. */
export const Bars: Story = {
  args: { 'metric-columns': 'leads,opportunities,won' },
  render: (args) => roi(args, demoSource({ seed: 11, intervalMs: 1500 })),
};

/** Cost against revenue, bubble area = leads; above the dashed diagonal a campaign paid back. */
export const Scatter: Story = {
  args: { view: 'scatter', label: 'Cost and revenue (bubble = leads)' },
  render: (args) => roi(args, demoSource({ seed: 11, intervalMs: 1500 })),
};

/** The top five by revenue and the rest rolled up: "others" has the ROI of its sums. */
export const LimitAndOthers: Story = {
  name: 'Limit and others',
  args: { sort: 'revenue', limit: 5, 'metric-columns': 'leads,won' },
  render: (args) => roi(args, quarter()),
};

/** In a 280 × 200 tile: the top campaigns and "others", labels that fit, never overlapping ones. */
export const SmallTile: Story = {
  name: 'Small tile',
  parameters: { width: 'none' },
  render: (args) => sideBySide(smallChartTile, roi(args, quarter()), roi({ ...args, view: 'scatter' }, quarter())),
};

export const Loading: Story = {
  render: (args) => roi(args, neverAnswers()),
};

export const Stale: Story = {
  args: { 'stale-after': 1500 },
  render: (args) => roi(args, oneFrameThenSilence(() => euro(campaigns))),
};

export const ErrorState: Story = {
  name: 'Error',
  render: (args) => roi(args, failsAtOnce()),
};

export const Empty: Story = {
  render: (args) => roi(args, staticSource({ campaigns: [] })),
};

/** German numbers, money and words: "+240 %", "18.000 €", "k. A." for the campaign without cost. */
export const GermanLocale: Story = {
  name: 'German locale',
  args: { locale: 'de-DE', label: 'Kampagnen-ROI', 'metric-columns': 'leads,opportunities,won' },
  parameters: { width: 'none' },
  render: (args) => inColumns('420px', roi(args, quarter()), roi({ ...args, view: 'scatter' }, quarter())),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  parameters: { width: 'none' },
  render: (args) =>
    onDarkPage([roi(args, demoSource({ seed: 5, intervalMs: 2000 })), roi({ ...args, view: 'scatter' }, demoSource({ seed: 5, intervalMs: 2000 }))], { minWidth: '420px' }),
};

/** Only losses: the break-even line sits at the right, every bar left of it. */
export const OnlyLosses: Story = {
  name: 'Only losses',
  render: (args) => roi(args, staticSource({ campaigns: euro([{ campaign: 'Print mailing', cost: 21_000, revenue: 8_400 }, { campaign: 'Radio spots', cost: 30_000, revenue: 21_000 }]) })),
};

/** No cost, NaN, text and a negative cost: "n/a" and "—", never Infinity, and the chart keeps working. */
export const BadInput: Story = {
  name: 'Bad input',
  render: (args) =>
    roi(
      args,
      staticSource({
        campaigns: [
          { campaign: 'Free referral', cost: 0, revenue: 38_000 },
          { campaign: 'Broken feed', cost: Number.NaN, revenue: 10_000 },
          { campaign: 'Text cost', cost: 'n/a', revenue: 5_000 },
          { campaign: 'Refund', cost: -500, revenue: 1_000 },
          { campaign: 'Fine', cost: 10_000, revenue: 15_000 },
        ],
      }),
    ),
};

/** Click a bar, or Tab to the chart, move with the arrow keys and press Enter. */
export const DrillDown: Story = {
  name: 'Drill-down',
  args: { 'drill-href': '/campaigns?name={campaign}' },
  render: (args) => withDrilldownLog(roi(args, quarter()), '(click a campaign)'),
};

/** Gain and loss colours, chart height and label size are tokens; `::part()` reaches the rest. */
export const Theming: Story = {
  render: (args) => html`
    <style>
      .brand crm-campaign-roi {
        --crm-font-family: Georgia, serif;
        --crm-roi-gain-color: #2b6cb0;
        --crm-roi-loss-color: #b7791f;
        --crm-chart-height: 320px;
        --crm-color-grid: #f0e6da;
      }
      .brand crm-campaign-roi::part(headline) {
        color: #2b6cb0;
      }
    </style>
    <div class="brand">${roi(args, quarter())}</div>
  `,
};
