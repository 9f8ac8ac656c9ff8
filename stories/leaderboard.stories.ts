import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type Observable, interval, map, startWith } from 'rxjs';
import { type MetricFrame, type MetricSource, staticSource } from '../src/index.js';
import { demoSource } from '../src/demo.js';
// The define module (listed in package.json's sideEffects): defines <crm-leaderboard>.
import '../src/widgets/leaderboard/define.js';
import {
  type Row,
  type ValueFormatArgs,
  type WidgetArgs,
  neverAnswers,
  onDarkPage,
  opt,
  valueFormatArgTypes,
  widgetArgTypes,
  widthOf,
  withDrilldownLog,
} from './story-kit.js';

/** The attributes the controls drive; names match the element's attributes. */
interface LeaderboardArgs extends WidgetArgs, ValueFormatArgs {
  order?: 'desc' | 'asc';
  limit?: number;
  highlight?: string;
  team?: string;
  'id-field'?: string;
  'name-field'?: string;
  'value-field'?: string;
}

/** One board bound to `source`; every story goes through here so the controls always apply. */
function leaderboard(args: LeaderboardArgs, source: MetricSource | string) {
  return html`<crm-leaderboard
    .source=${source}
    metric=${args.metric}
    label=${opt(args.label)}
    range=${opt(args.range)}
    format=${opt(args.format)}
    currency=${opt(args.currency)}
    locale=${opt(args.locale)}
    order=${opt(args.order)}
    limit=${opt(args.limit)}
    highlight=${opt(args.highlight)}
    team=${opt(args.team)}
    theme=${opt(args.theme)}
    id-field=${opt(args['id-field'])}
    name-field=${opt(args['name-field'])}
    value-field=${opt(args['value-field'])}
    stale-after=${opt(args['stale-after'])}
    drill-href=${opt(args['drill-href'])}
  ></crm-leaderboard>`;
}

const agents: Row[] = [
  { id: 'a01', name: 'Amira Haddad', team: 'Service', value: 48 },
  { id: 'a02', name: 'Jonas Becker', team: 'Service', value: 41 },
  { id: 'a03', name: 'Li Wei', team: 'Sales', value: 52 },
  { id: 'a04', name: 'Sofia Rossi', team: 'Sales', value: 37 },
  { id: 'a05', name: 'Mateo García', team: 'Service', value: 33 },
  { id: 'a06', name: 'Hannah Schmidt', team: 'Sales', value: 45 },
  { id: 'a07', name: 'Kwame Mensah', team: 'Service', value: 39 },
  { id: 'a08', name: 'Elif Yılmaz', team: 'Sales', value: 29 },
];

/** A source whose agents keep overtaking each other: one agent gains a few points on every tick. */
function overtaking(everyMs: number): MetricSource {
  return {
    query: (): Observable<MetricFrame> => {
      const live = agents.map((a) => ({ ...a }));
      let tick = 0;
      return interval(everyMs).pipe(
        map(() => {
          const agent = live[(tick++ * 5) % live.length]!;
          agent.value = Number(agent.value) + 4 + (tick % 7);
          return { rows: live.map((a) => ({ ...a })), asOf: Date.now() };
        }),
        startWith({ rows: live.map((a) => ({ ...a })), asOf: Date.now() }),
      );
    },
  };
}

const meta: Meta<LeaderboardArgs> = {
  title: 'Widgets/crm-leaderboard',
  component: 'crm-leaderboard',
  // A board is as wide as its container; 360px is a typical dashboard column.
  decorators: [widthOf('360px')],
  args: { metric: 'agents', locale: 'en-US' },
  argTypes: {
    ...widgetArgTypes,
    ...valueFormatArgTypes,
    order: { control: 'inline-radio', options: ['desc', 'asc'] },
    limit: { control: 'number' },
    highlight: { control: 'text' },
    team: { control: 'text' },
    'id-field': { control: 'text' },
    'name-field': { control: 'text' },
    'value-field': { control: 'text' },
  },
};
export default meta;

type Story = StoryObj<LeaderboardArgs>;

/** Tickets resolved today from the simulated CRM, live: rows glide to their new places, values
 * count, and ▲/▼ badges say who moved, fading after a few seconds. */
export const Live: Story = {
  args: { label: 'Tickets resolved today', range: 'today', limit: 8, highlight: 'a07' },
  render: (args) => leaderboard(args, demoSource({ seed: 11, intervalMs: 1500 })),
};

/** Agents overtaking each other every second: the FLIP moves and counting values up close. */
export const Overtaking: Story = {
  args: { label: 'Deals closed', highlight: 'a04' },
  render: (args) => leaderboard(args, overtaking(1000)),
};

/** With values [10, 20, 20, 5] the two 20s share rank 1 ("1="), and keep their order on every
 * refresh; with `limit="3"` the highlighted last agent stays pinned below, with its real rank 4. */
export const Ties: Story = {
  args: { label: 'Ties, limit 3, highlight the last', limit: 3, highlight: 'd' },
  render: (args) =>
    leaderboard(
      args,
      staticSource({
        agents: [
          { id: 'a', name: 'Ana Ortiz', value: 10 },
          { id: 'b', name: 'Ben Okafor', value: 20 },
          { id: 'c', name: 'Chloé Martin', value: 20 },
          { id: 'd', name: 'Dev Patel', value: 5 },
        ],
      }),
    ),
};

/** "You" rank 8th of 8 with `limit="5"`: pinned below the top five, where you can always find yourself. */
export const HighlightOutsideTop: Story = {
  name: 'Highlight outside the top',
  args: { label: 'Tickets resolved', limit: 5, highlight: 'a08' },
  render: (args) => leaderboard(args, staticSource({ agents })),
};

/** Pictures where they load; initials where the URL is empty (no request at all), fails, or is
 * not http(s) — never a broken-image icon. */
export const MissingAvatars: Story = {
  name: 'Missing avatars',
  args: { label: 'Tickets resolved' },
  render: (args) => {
    const picture = (fill: string) =>
      `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="2" fill="${fill}"/><circle cx="1" cy="0.8" r="0.45" fill="#fff"/></svg>`)}`;
    return leaderboard(
      args,
      staticSource({
        agents: [
          { id: 'p', name: 'Picture Loads', value: 9, avatar: picture('#2f6fde') },
          { id: 'e', name: 'Empty Url', value: 8, avatar: '' },
          { id: 'f', name: 'Fails To Load', value: 7, avatar: '/avatars/does-not-exist.png' },
          { id: 'j', name: 'Javascript Url', value: 6, avatar: 'javascript:alert(1)' },
          { id: 'n', name: 'No Avatar Field', value: 5 },
        ],
      }),
    );
  },
};

/** Average handle time: lower is better, so `order="asc"`; the fastest agent's bar is full. */
export const Ascending: Story = {
  args: { metric: 'avg_handle_time', label: 'Average handle time', order: 'asc', format: 'duration', limit: 6 },
  render: (args) => leaderboard(args, demoSource({ seed: 4, intervalMs: 2500 })),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark', metric: 'revenue', label: 'Revenue this quarter', range: 'this_quarter', team: 'Sales', highlight: 'a06' },
  render: (args) => onDarkPage([leaderboard(args, demoSource({ seed: 3, intervalMs: 2000 }))]),
};

/** German numbers, currency and words: "Top 5 von 12", "1.234.567 €", "Sie". */
export const GermanLocale: Story = {
  name: 'German locale',
  args: { locale: 'de-DE', metric: 'revenue', label: 'Umsatz im Quartal', range: 'this_quarter', limit: 5, highlight: 'a12' },
  render: (args) => leaderboard(args, demoSource({ seed: 8, intervalMs: 2000 })),
};

/** A wide tile: the bars get room to tell the distances. */
export const Wide: Story = {
  parameters: { width: '760px' },
  args: { metric: 'revenue', label: 'Revenue this quarter', range: 'this_quarter', limit: 12, highlight: 'a03' },
  render: (args) => leaderboard(args, demoSource({ seed: 21, intervalMs: 2000 })),
};

/** A source that has not answered yet: the skeleton. */
export const Loading: Story = {
  render: (args) => leaderboard(args, neverAnswers()),
};

/** The source answered with no agents (or none in the chosen team). */
export const Empty: Story = {
  render: (args) => leaderboard(args, staticSource({ agents: [] })),
};

/** NaN, null and text values rank last as "—"; a repeated id keeps both rows; a row without a name
 * shows its id, and one with neither says so. */
export const BadInput: Story = {
  name: 'Bad input',
  render: (args) =>
    leaderboard(
      args,
      staticSource({
        agents: [
          { id: 'a', name: 'Valid', value: 12 },
          { id: 'b', name: 'Not a number', value: Number.NaN },
          { id: 'c', name: 'Text value', value: 'lots' },
          { id: 'a', name: 'Repeated id', value: 7 },
          { id: 'agent-42', value: 3 },
          { value: 1 },
        ],
      }),
    ),
};

/** Click a row or press Enter on it (arrow keys, Home and End move between rows). The listener
 * cancels the event, so the story stays here and prints what the host page would receive. */
export const DrillDown: Story = {
  name: 'Drill-down',
  args: { 'drill-href': '/agents/{id}?team={team}' },
  render: (args) => withDrilldownLog(leaderboard(args, staticSource({ agents })), '(click a row)'),
};

/** Public `--crm-*` tokens restyle the board; `::part()` reaches the pieces tokens do not cover. */
export const Theming: Story = {
  args: { highlight: 'a02', limit: 5 },
  render: (args) => html`
    <style>
      .brand crm-leaderboard {
        --crm-font-family: Georgia, serif;
        --crm-color-surface: #fff8f0;
        --crm-color-border: #e8c9a8;
        --crm-color-accent: #9a3f0c;
        --crm-leaderboard-bar-color: #d9822b;
        --crm-leaderboard-highlight: #fde9d4;
        --crm-leaderboard-avatar-size: 32px;
        --crm-radius: 2px;
      }
      .brand crm-leaderboard::part(rank) {
        font-size: 1.25rem;
      }
      .brand crm-leaderboard::part(label) {
        text-transform: uppercase;
        letter-spacing: 0.08em;
      }
    </style>
    <div class="brand">${leaderboard(args, staticSource({ agents }))}</div>
  `,
};
