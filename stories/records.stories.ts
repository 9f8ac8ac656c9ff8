import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type MetricSource, staticSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
// The define module (listed in package.json's sideEffects): defines <crm-records>.
import '../src/widgets/records/define.js';
import {
  type Row,
  type WidgetArgs,
  failsAtOnce,
  neverAnswers,
  onDarkPage,
  oneFrameThenSilence,
  opt,
  widgetArgTypes,
  widthOf,
  withDrilldownLog,
} from './story-kit.js';

/** The attributes the controls drive; names match the element's attributes. */
interface RecordsArgs extends WidgetArgs {
  filters?: string;
  columns?: string;
  sort?: string;
  limit?: number;
  currency?: string;
}

/** One table bound to `source`; every story goes through here so the controls always apply. */
function records(args: RecordsArgs, source: MetricSource | string) {
  return html`<crm-records
    .source=${source}
    metric=${args.metric}
    label=${opt(args.label)}
    range=${opt(args.range)}
    filters=${opt(args.filters)}
    columns=${opt(args.columns)}
    sort=${opt(args.sort)}
    limit=${opt(args.limit)}
    currency=${opt(args.currency)}
    locale=${opt(args.locale)}
    theme=${opt(args.theme)}
    stale-after=${opt(args['stale-after'])}
    drill-href=${opt(args['drill-href'])}
  ></crm-records>`;
}

const opportunities: Row[] = [
  { id: 'opp-101', name: 'Acme GmbH — Renewal', owner: 'Li Wei', stage: 'Proposal', amount: 48_200, closeDate: '2026-03-31', href: '#opportunity/opp-101' },
  { id: 'opp-102', name: 'Nordwind Logistik — Expansion', owner: 'Sofia Rossi', stage: 'Negotiation', amount: 126_500, closeDate: '2026-02-27', href: '#opportunity/opp-102' },
  { id: 'opp-103', name: 'Bluefin Retail — Pilot', owner: 'Priya Nair', stage: 'Qualified', amount: 9_800, closeDate: '2026-04-15', href: '#opportunity/opp-103' },
  { id: 'opp-104', name: 'Helios Energie — New business', owner: 'Hannah Schmidt', stage: 'Won', amount: 73_000, closeDate: '2026-01-20', href: '#opportunity/opp-104' },
  { id: 'opp-105', name: 'Kestrel Bank — Add-on seats', owner: 'Li Wei', stage: 'Proposal', amount: 15_400, closeDate: '2026-03-12', href: '#opportunity/opp-105' },
];

const meta: Meta<RecordsArgs> = {
  title: 'Widgets/crm-records',
  component: 'crm-records',
  // A records panel is usually wide: a drill-down panel or a full-width dashboard row.
  decorators: [widthOf('760px')],
  args: { metric: 'funnel_records', locale: 'en-US', currency: 'EUR' },
  argTypes: {
    ...widgetArgTypes,
    filters: { control: 'text' },
    columns: { control: 'text' },
    sort: { control: 'text' },
    limit: { control: 'number' },
    currency: { control: 'text' },
  },
};
export default meta;

type Story = StoryObj<RecordsArgs>;

/** The opportunities behind the funnel's Proposal stage in the simulated CRM, live: a few deals
 * change every two seconds; scroll or focus a row and it stays where it is. */
export const Live: Story = {
  args: { label: 'Opportunities that reached Proposal', filters: 'stage=Proposal', sort: 'amount:desc' },
  render: (args) => records(args, demoSource({ seed: 5, intervalMs: 2000 })),
};

/** Sorted by amount, largest first: click a header (or press Enter on it) to sort by it, again to flip. */
export const Sorted: Story = {
  args: { label: 'Open deals', sort: 'amount:desc' },
  render: (args) => records(args, staticSource({ funnel_records: opportunities })),
};

/** 10,000 records: only the rows in view are in the page, so scrolling stays smooth. */
export const TenThousandRows: Story = {
  name: '10,000 rows',
  args: { label: 'All opportunities', sort: 'closeDate:asc' },
  render: (args) =>
    records(
      args,
      staticSource({
        funnel_records: Array.from({ length: 10_000 }, (_, i) => ({
          id: `opp-${i}`,
          name: `Opportunity ${i + 1}`,
          owner: ['Li Wei', 'Sofia Rossi', 'Priya Nair'][i % 3]!,
          stage: ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won'][i % 5]!,
          amount: ((i * 7919) % 150_000) + 1_000,
          closeDate: new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10),
        })),
      }),
    ),
};

/** Cases from `agents_records`: the columns, labels and units come from the source's `frame.fields`. */
export const FieldsFromSource: Story = {
  name: 'Columns from frame.fields',
  args: { metric: 'agents_records', label: 'Cases of the Service team', filters: 'team=Service', sort: 'openedAt:desc' },
  render: (args) => records(args, demoSource({ seed: 2, intervalMs: 0 })),
};

/** `columns="name,amount,stage"`: the fields to show, in that order. */
export const PickedColumns: Story = {
  name: 'Picked columns',
  args: { columns: 'name,amount,stage', label: 'Name, amount, stage' },
  render: (args) => records(args, staticSource({ funnel_records: opportunities })),
};

/** On a phone (≤ 420 px) rows become compact cards and the headers a row of sort buttons. */
export const Phone: Story = {
  parameters: { width: '390px' },
  args: { label: 'Proposal', sort: 'amount:desc' },
  render: (args) => records(args, staticSource({ funnel_records: opportunities })),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark', label: 'Won this quarter', metric: 'revenue_records', sort: 'closeDate:desc' },
  render: (args) => onDarkPage([records(args, demoSource({ seed: 9, intervalMs: 2000 }))]),
};

/** German numbers, dates and words: "12.345 €", "31.03.2026", "5 Datensätze". */
export const GermanLocale: Story = {
  name: 'German locale',
  args: { locale: 'de-DE', label: 'Offene Angebote' },
  render: (args) => records(args, staticSource({ funnel_records: opportunities })),
};

/** Markup in a name is text, right-to-left names read right to left, a 5,000-character name is
 * cut to its column, an unsafe href is not a link, NaN and null amounts read "—", a repeated id
 * keeps both rows and is noted, and a record with neither name nor id says so. */
export const BadInput: Story = {
  name: 'Bad input',
  render: (args) =>
    records(
      args,
      staticSource({
        funnel_records: [
          { id: 'x1', name: '<img src=x onerror=alert(1)>', owner: 'Mallory', amount: 100, href: 'javascript:alert(1)' },
          { id: 'x2', name: 'شركة الأمل للتجارة', owner: 'עדי כהן', amount: null, href: 'https://example.com/x2' },
          { id: 'x2', name: 'Repeated id', owner: 'Ben', amount: Number.NaN },
          { id: 'x3', name: 'L'.repeat(5000), owner: 'Long name', amount: '1234.5' },
          { owner: 'No name, no id', amount: 5 },
        ],
      }),
    ),
};

/** A source that has not answered yet: the skeleton. */
export const Loading: Story = {
  render: (args) => records(args, neverAnswers()),
};

/** No records for these filters. */
export const Empty: Story = {
  args: { filters: 'stage=Lost' },
  render: (args) => records(args, staticSource({ funnel_records: [] })),
};

export const ErrorState: Story = {
  name: 'Error',
  render: (args) => records(args, failsAtOnce()),
};

/** One frame, then silence: after `stale-after` the records stay, marked as not updating. */
export const Stale: Story = {
  args: { 'stale-after': 3000, label: 'Proposal' },
  render: (args) => records(args, oneFrameThenSilence(() => ({ rows: opportunities, asOf: Date.now() }))),
};

/** Click a row or press Enter on it (arrow keys move between rows and cells). The listener cancels
 * the event, so the story stays here and prints what the host page would receive. */
export const DrillDown: Story = {
  name: 'Drill-down',
  args: { 'drill-href': '/opportunities/{id}' },
  render: (args) => withDrilldownLog(records(args, staticSource({ funnel_records: opportunities })), '(click a row)'),
};

/** Public `--crm-*` tokens restyle the table; `::part()` reaches the pieces tokens do not cover. */
export const Theming: Story = {
  render: (args) => html`
    <style>
      .brand crm-records {
        --crm-font-family: Georgia, serif;
        --crm-color-surface: #fff8f0;
        --crm-color-border: #e8c9a8;
        --crm-color-accent: #9a3f0c;
        --crm-records-row-height: 2.25rem;
        --crm-records-height: 14rem;
      }
      .brand crm-records::part(header) {
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
    </style>
    <div class="brand">${records(args, staticSource({ funnel_records: opportunities }))}</div>
  `,
};
