import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type MetricSource, staticSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
import '../src/funnel.js';
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
interface FunnelArgs extends WidgetArgs, ValueFormatArgs {
  orientation?: 'vertical' | 'horizontal';
  conversion?: 'step' | 'overall' | 'both';
  'stage-field'?: string;
  'value-field'?: string;
}

/** One funnel bound to `source`; every story goes through here so the controls always apply. */
function funnel(args: FunnelArgs, source: MetricSource | string) {
  return html`<crm-funnel
    .source=${source}
    metric=${args.metric}
    label=${opt(args.label)}
    range=${opt(args.range)}
    orientation=${opt(args.orientation)}
    conversion=${opt(args.conversion)}
    stage-field=${opt(args['stage-field'])}
    value-field=${opt(args['value-field'])}
    format=${opt(args.format)}
    currency=${opt(args.currency)}
    locale=${opt(args.locale)}
    theme=${opt(args.theme)}
    stale-after=${opt(args['stale-after'])}
    drill-href=${opt(args['drill-href'])}
  ></crm-funnel>`;
}

const pipeline: Row[] = [
  { stage: 'Lead', value: 1851 },
  { stage: 'Qualified', value: 948 },
  { stage: 'Proposal', value: 413 },
  { stage: 'Negotiation', value: 206 },
  { stage: 'Won', value: 99 },
];

const meta: Meta<FunnelArgs> = {
  title: 'Widgets/crm-funnel',
  component: 'crm-funnel',
  // A chart is as wide as its container; 560px is a typical dashboard panel.
  decorators: [widthOf('560px')],
  args: { metric: 'funnel', label: 'Pipeline', locale: 'en-US' },
  argTypes: {
    ...widgetArgTypes,
    ...valueFormatArgTypes,
    orientation: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    conversion: { control: 'inline-radio', options: ['step', 'overall', 'both'] },
    'stage-field': { control: 'text' },
    'value-field': { control: 'text' },
  },
};
export default meta;

type Story = StoryObj<FunnelArgs>;

/** Live stages from the simulated CRM: a new frame every 1.5 s, animated from the old bars to the new. */
export const Ready: Story = {
  args: { range: 'this_quarter' },
  render: (args) => funnel(args, demoSource({ seed: 7, intervalMs: 1500 })),
};

/** Stages left to right. */
export const Horizontal: Story = {
  args: { orientation: 'horizontal', range: 'this_quarter' },
  render: (args) => funnel(args, demoSource({ seed: 7, intervalMs: 1500 })),
};

/** Only one conversion on the chart; tooltips and the data table still give both. */
export const StepConversionOnly: Story = {
  name: 'Step conversion only',
  args: { conversion: 'step' },
  render: (args) => funnel(args, staticSource({ funnel: pipeline })),
};

/** 1000 → 400 → 100: 40 % and 25 % step conversion, 10 % overall at the last stage. */
export const KnownNumbers: Story = {
  name: 'Known numbers',
  render: (args) => funnel(args, staticSource({ funnel: [{ stage: 'Lead', value: 1000 }, { stage: 'Opportunity', value: 400 }, { stage: 'Won', value: 100 }] })),
};

/** In a 280 × 200 tile, both orientations: fewer labels, never overlapping ones. */
export const SmallTile: Story = {
  name: 'Small tile',
  parameters: { width: 'none' },
  render: (args) =>
    sideBySide(smallChartTile, funnel(args, staticSource({ funnel: pipeline })), funnel({ ...args, orientation: 'horizontal' }, staticSource({ funnel: pipeline }))),
};

/** A source that has not answered yet: the skeleton. */
export const Loading: Story = {
  render: (args) => funnel(args, neverAnswers()),
};

/** One frame, then silence: after `stale-after` ms the last stages stay, dimmed and marked "Not updating". */
export const Stale: Story = {
  args: { 'stale-after': 1500 },
  render: (args) => funnel(args, oneFrameThenSilence(() => ({ rows: pipeline, asOf: Date.now() }))),
};

/** A source that fails before any data arrived. Retry asks again at once. */
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => funnel(args, failsAtOnce()),
};

/** The source answered, with no stages. */
export const Empty: Story = {
  render: (args) => funnel(args, staticSource({ funnel: [] })),
};

/** German numbers and words. */
export const GermanLocale: Story = {
  name: 'German locale',
  args: { locale: 'de-DE', label: 'Vertriebstrichter' },
  render: (args) =>
    funnel(args, staticSource({ funnel: [{ stage: 'Lead', value: 18_510 }, { stage: 'Qualifiziert', value: 9_480 }, { stage: 'Angebot', value: 4_130 }, { stage: 'Verhandlung', value: 2_060 }, { stage: 'Gewonnen', value: 990 }] })),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark', range: 'this_quarter' },
  parameters: { width: 'none' },
  render: (args) =>
    onDarkPage([funnel(args, demoSource({ seed: 3, intervalMs: 2000 })), funnel({ ...args, orientation: 'horizontal' }, demoSource({ seed: 3, intervalMs: 2000 }))], { minWidth: '320px' }),
};

/** A stage larger than the one before (re-opened deals, a data quirk) is drawn as it is and flagged in words and colour. */
export const IncreasingStage: Story = {
  name: 'Increasing stage',
  render: (args) => funnel(args, staticSource({ funnel: [{ stage: 'Lead', value: 100 }, { stage: 'MQL', value: 150 }, { stage: 'SQL', value: 60 }, { stage: 'Won', value: 12 }] })),
};

/** A first stage of 0: conversions read "n/a", never NaN or Infinity. */
export const ZeroFirstStage: Story = {
  name: 'Zero first stage',
  render: (args) => funnel(args, staticSource({ funnel: [{ stage: 'Lead', value: 0 }, { stage: 'Deal', value: 0 }, { stage: 'Won', value: 0 }] })),
};

/** NaN, null, text and a negative count: each shows "—", and the chart keeps working. */
export const BadInput: Story = {
  name: 'Bad input',
  render: (args) =>
    funnel(
      args,
      staticSource({ funnel: [{ stage: 'Lead', value: 500 }, { stage: 'MQL', value: Number.NaN }, { stage: 'SQL', value: 'lots' }, { stage: 'Deal', value: -4 }, { stage: null, value: null }, { stage: 'Won', value: '50' }] }),
    ),
};

/** Other field names: `stage-field` and `value-field`, and money values. */
export const RemappedFields: Story = {
  name: 'Remapped fields',
  args: { 'stage-field': 'phase', 'value-field': 'amount', format: 'currency', currency: 'EUR', label: 'Pipeline value' },
  render: (args) => funnel(args, staticSource({ funnel: [{ phase: 'Open', amount: 4_860_000 }, { phase: 'Proposal', amount: 2_100_000 }, { phase: 'Won', amount: 620_000 }] })),
};

/** Click a stage, or Tab to the chart, move with the arrow keys and press Enter. The listener cancels
 * the event, so the story stays here instead of following `drill-href`, and prints what the host page gets. */
export const DrillDown: Story = {
  name: 'Drill-down',
  args: { range: 'this_quarter', 'drill-href': '/opportunities?stage={stage}&range={range}' },
  render: (args) => withDrilldownLog(funnel(args, staticSource({ funnel: pipeline })), '(click a stage)'),
};

/** Public `--crm-*` tokens restyle the chart; `::part()` reaches the pieces tokens do not cover. */
export const Theming: Story = {
  render: (args) => html`
    <style>
      .brand crm-funnel {
        --crm-font-family: Georgia, serif;
        --crm-color-surface: #fff8f0;
        --crm-color-border: #e8c9a8;
        --crm-funnel-color: #b4530f;
        --crm-radius: 2px;
        --crm-chart-height: 300px;
        --crm-font-size-chart: 0.8125rem;
      }
      .brand crm-funnel::part(label) {
        text-transform: uppercase;
        letter-spacing: 0.08em;
      }
    </style>
    <div class="brand">${funnel(args, staticSource({ funnel: pipeline }))}</div>
  `,
};
