import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type MetricSource, staticSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
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
  valueFormatArgTypes,
  widgetArgTypes,
  widthOf,
  withDrilldownLog,
} from './story-kit.js';

/** The attributes the controls drive; names match the element's attributes. */
interface KpiArgs extends WidgetArgs, ValueFormatArgs {
  compare?: 'previous_period' | 'previous_year';
  'value-field'?: string;
  positive?: 'up' | 'down';
  thresholds?: string;
  target?: number;
}

/** One tile bound to `source`; every story goes through here so the controls always apply. */
function kpi(args: KpiArgs, source: MetricSource | string) {
  return html`<crm-kpi
    .source=${source}
    metric=${args.metric}
    label=${opt(args.label)}
    range=${opt(args.range)}
    compare=${opt(args.compare)}
    value-field=${opt(args['value-field'])}
    format=${opt(args.format)}
    currency=${opt(args.currency)}
    locale=${opt(args.locale)}
    positive=${opt(args.positive)}
    theme=${opt(args.theme)}
    thresholds=${opt(args.thresholds)}
    target=${opt(args.target)}
    stale-after=${opt(args['stale-after'])}
    drill-href=${opt(args['drill-href'])}
  ></crm-kpi>`;
}

/** Daily rows for the sparkline, oldest first; the last (current) row also gets `last`. */
function trend(values: number[], last: Row = {}): Row[] {
  const day = 86_400_000;
  const end = Date.UTC(2026, 5, 30);
  return values.map((value, i) => ({
    time: end - (values.length - 1 - i) * day,
    value,
    ...(i === values.length - 1 ? last : {}),
  }));
}

const revenueRows = trend([610_000, 780_000, 905_000, 1_010_000, 1_150_000, 1_234_567], { previous: 1_000_000 });
const eur = { fields: { revenue: [{ name: 'value', type: 'number' as const, unit: 'EUR', label: 'Revenue' }] } };

/** Tiles side by side, for stories that compare a few cases. */
const row = (...tiles: unknown[]) => sideBySide({ width: '240px' }, ...tiles);

const meta: Meta<KpiArgs> = {
  title: 'Widgets/crm-kpi',
  component: 'crm-kpi',
  // A tile is as wide as its container; 320px is a typical dashboard column.
  decorators: [widthOf('320px')],
  // Most stories show fixed data, which emits once: without `stale-after="0"` it would be marked
  // stale after a minute. The Stale story sets its own.
  args: { metric: 'revenue', locale: 'en-US', 'stale-after': 0 },
  argTypes: {
    ...widgetArgTypes,
    ...valueFormatArgTypes,
    compare: { control: 'inline-radio', options: ['previous_period', 'previous_year'] },
    'value-field': { control: 'text' },
    positive: { control: 'inline-radio', options: ['up', 'down'] },
    thresholds: { control: 'text' },
    target: { control: 'number' },
  },
};
export default meta;

type Story = StoryObj<KpiArgs>;

/** Live numbers from the simulated CRM: a new frame every 1.5 s. */
export const Ready: Story = {
  args: { range: 'this_quarter' },
  render: (args) => kpi(args, demoSource({ seed: 7, intervalMs: 1500 })),
};

/** A source that has not answered yet: the skeleton. */
export const Loading: Story = {
  render: (args) => kpi(args, neverAnswers()),
};

/** A source name nobody registered (yet): the tile says which one it waits for. */
export const WaitingForSource: Story = {
  render: (args) => kpi(args, 'crm-not-registered'),
};

/** One frame, then silence: after `stale-after` ms the last numbers stay, marked "Not updating". */
export const Stale: Story = {
  args: { 'stale-after': 1500 },
  render: (args) => kpi(args, oneFrameThenSilence(() => ({ rows: revenueRows, fields: eur.fields.revenue, asOf: Date.now() }))),
};

/** A source that fails before any data arrived: the error view. Retry asks again at once; the
 * widget also keeps retrying in the background with backoff. */
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => kpi(args, failsAtOnce()),
};

/** The source answered, with no rows. */
export const Empty: Story = {
  render: (args) => kpi(args, staticSource({ revenue: [] })),
};

/** German number and currency formatting, German words. */
export const GermanLocale: Story = {
  name: 'German locale',
  args: { locale: 'de-DE', format: 'currency', currency: 'EUR', label: 'Umsatz' },
  render: (args) => kpi(args, staticSource({ revenue: revenueRows })),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark', metric: 'win_rate', range: 'this_quarter' },
  render: (args) => onDarkPage([kpi(args, demoSource({ seed: 3, intervalMs: 2000 }))]),
};

/** Handle time falls, and that is good: a green ▼, and the target counts as reached from below. */
export const PositiveDown: Story = {
  name: 'Positive down',
  args: { metric: 'avg_handle_time', positive: 'down' },
  render: (args) =>
    kpi(
      args,
      staticSource(
        { avg_handle_time: trend([431, 418, 405, 399, 384, 372], { previous: 410, target: 340 }) },
        { fields: { avg_handle_time: [{ name: 'value', type: 'number', unit: 's', label: 'Average handle time' }] } },
      ),
    ),
};

/** The status is a word, not only a colour: one tile per band. */
export const Thresholds: Story = {
  args: { format: 'currency', currency: 'EUR', thresholds: '0:Critical, 800000:At risk, 1000000:On track' },
  parameters: { width: 'none' },
  render: (args) => {
    const source = staticSource({
      low: [{ value: 620_000, previous: 700_000 }],
      mid: [{ value: 870_000, previous: 820_000 }],
      high: [{ value: 1_120_000, previous: 1_000_000 }],
    });
    return row(...['low', 'mid', 'high'].map((metric) => kpi({ ...args, metric, label: 'Revenue' }, source)));
  },
};

/** Progress toward a target set on the element (it overrides any target the source sends). */
export const TargetProgress: Story = {
  name: 'Target progress',
  args: { target: 1_000_000 },
  render: (args) => kpi(args, staticSource({ revenue: trend([300_000, 520_000, 690_000, 820_000], { previous: 760_000 }) }, eur)),
};

/** In a narrow column the value switches to compact notation. */
export const Compact: Story = {
  parameters: { width: '180px' },
  render: (args) => kpi(args, staticSource({ revenue: revenueRows }, eur)),
};

/** NaN, null and text where a number belongs: each shows "—", and the tile keeps working. */
export const BadInput: Story = {
  name: 'Bad input',
  parameters: { width: 'none' },
  render: (args) => {
    const source = staticSource({
      nan: [{ value: Number.NaN, previous: 100 }],
      null: [{ value: null, previous: 100 }],
      text: [{ value: 'n/a', previous: 100 }],
    });
    return row(
      kpi({ ...args, metric: 'nan', label: 'value: NaN' }, source),
      kpi({ ...args, metric: 'null', label: 'value: null' }, source),
      kpi({ ...args, metric: 'text', label: 'value: "n/a"' }, source),
    );
  },
};

/** Click the tile or press Enter on it. The listener cancels the event, so the story stays here
 * instead of following `drill-href`, and prints what the host page would receive. */
export const DrillDown: Story = {
  name: 'Drill-down',
  args: { range: 'this_quarter', 'drill-href': '/reports/{metric}?range={range}&region={region}' },
  render: (args) => {
    const source = staticSource({ revenue: [{ value: 1_234_567, previous: 1_000_000, region: 'EMEA' }] }, eur);
    return withDrilldownLog(kpi(args, source), '(click the tile)');
  },
};

/** Public `--crm-*` tokens restyle the tile; `::part()` reaches the pieces tokens do not cover. */
export const Theming: Story = {
  render: (args) => html`
    <style>
      .brand crm-kpi {
        --crm-font-family: Georgia, serif;
        --crm-color-surface: #fff8f0;
        --crm-color-border: #e8c9a8;
        --crm-color-accent: #b4530f;
        --crm-radius: 2px;
        --crm-font-size-value: 2.5rem;
      }
      .brand crm-kpi::part(label) {
        text-transform: uppercase;
        letter-spacing: 0.08em;
      }
      .brand crm-kpi::part(value) {
        font-variant-numeric: tabular-nums;
      }
    </style>
    <div class="brand">${kpi(args, staticSource({ revenue: revenueRows }, eur))}</div>
  `,
};
