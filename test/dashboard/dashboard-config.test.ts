import { expect } from '@open-wc/testing';
import {
  DEFAULT_COLUMNS,
  DEFAULT_SIZES,
  MAX_WIDGETS,
  type DashboardConfig,
  type ReadConfig,
  type ReadWidget,
  readDashboardConfig,
} from '../../src/dashboard/dashboard-config.js';
import { newWidgetEntry, withWidget } from '../../src/dashboard/config-edits.js';
import { seededRandom } from '../../src/data/seeded-random.js';

/** What a widget renders as, without the entry it came from: what must survive a round trip. */
const shown = (w: ReadWidget) => ({ id: w.id, kind: w.kind, tag: w.tag, attributes: w.attributes, cell: w.cell, placed: w.placed, problem: w.problem });
/** Reads the config a read gave, after JSON: what reloading a saved dashboard does. */
const reread = (read: ReadConfig) => readDashboardConfig(JSON.stringify(read.config));

describe('readDashboardConfig', () => {
  it('reads each widget into its element, attributes and cell, with the kind’s default size', () => {
    const { widgets, problem, warnings } = readDashboardConfig({
      title: 'Sales',
      widgets: [
        { type: 'kpi', id: 'rev', metric: 'revenue', label: 'Revenue', x: 0, y: 0, format: 'currency', 'stale-after': 30000 },
        { type: 'funnel', id: 'pipe', metric: 'funnel', x: 3, y: 0, w: 6, h: 5, 'stage-field': 'phase' },
        { type: 'records', id: 'deals', metric: 'funnel_records' },
      ],
    });
    expect(problem).to.equal(null);
    expect(warnings).to.deep.equal([]);
    expect(widgets.map(shown)).to.deep.equal([
      { id: 'rev', kind: 'kpi', tag: 'crm-kpi', attributes: { metric: 'revenue', label: 'Revenue', format: 'currency', 'stale-after': '30000' }, cell: { x: 0, y: 0, ...DEFAULT_SIZES.kpi }, placed: true, problem: null },
      { id: 'pipe', kind: 'funnel', tag: 'crm-funnel', attributes: { metric: 'funnel', 'stage-field': 'phase' }, cell: { x: 3, y: 0, w: 6, h: 5 }, placed: true, problem: null },
      { id: 'deals', kind: 'records', tag: 'crm-records', attributes: { metric: 'funnel_records' }, cell: { x: 0, y: 0, ...DEFAULT_SIZES.records }, placed: false, problem: null },
    ]);
    expect(widgets.every((w) => w.warnings.length === 0)).to.equal(true);
  });

  it('reads a JSON string, as a <script type="application/json"> holds it', () => {
    const { widgets } = readDashboardConfig('{"widgets":[{"type":"leaderboard","id":"top","metric":"agents"}]}');
    expect(widgets.map((w) => [w.tag, w.cell])).to.deep.equal([['crm-leaderboard', { x: 0, y: 0, ...DEFAULT_SIZES.leaderboard }]]);
  });

  it('takes a type as KPI or crm-kpi too, and keeps the type as written in the config', () => {
    const { widgets, config } = readDashboardConfig({ widgets: [{ type: ' KPI ', id: 'a', metric: 'm' }, { type: 'crm-campaign-roi', id: 'b', metric: 'campaigns' }] });
    expect(widgets.map((w) => w.tag)).to.deep.equal(['crm-kpi', 'crm-campaign-roi']);
    expect(config.widgets.map((w) => w.type)).to.deep.equal([' KPI ', 'crm-campaign-roi']);
  });

  it('sets true as an empty attribute, numbers as text, and leaves false and null out', () => {
    const [w] = readDashboardConfig({ widgets: [{ type: 'kpi', id: 'a', metric: 'm', sparkline: true, compact: false, locale: null, 'stale-after': 1.5 }] }).widgets;
    expect(w!.attributes).to.deep.equal({ metric: 'm', sparkline: '', 'stale-after': '1.5' });
    expect(w!.warnings).to.deep.equal([]);
  });

  it('refuses handlers, styles and what places the element, with a warning each; suggests the attribute for a camelCase name', () => {
    const [w] = readDashboardConfig({
      widgets: [{ type: 'kpi', id: 'a', metric: 'm', onclick: 'alert(1)', onmouseover: 'x', style: 'color:red', class: 'x', slot: 's', part: 'p', is: 'x', tabindex: 0, 'data-widget-id': 'other', stageField: 'phase', 'bad name': 1, colors: { a: 1 }, list: [1, 2] }],
    }).widgets;
    expect(w!.attributes).to.deep.equal({ metric: 'm' });
    expect(readDashboardConfig({ widgets: [{ type: 'kpi', id: 'a', metric: 'm', 'data-team': 'x', drill: 'records' }] }).widgets[0]!.attributes).to.deep.equal({ metric: 'm', 'data-team': 'x', drill: 'records' });
    expect(w!.problem).to.equal(null);
    expect(w!.warnings).to.include('The attribute “onclick” cannot be set from a config.');
    expect(w!.warnings).to.include('The attribute “style” cannot be set from a config.');
    expect(w!.warnings).to.include('“stageField” is not an attribute name; did you mean “stage-field”?');
    expect(w!.warnings).to.include('“bad name” is not an attribute name.');
    expect(w!.warnings).to.include('The attribute “colors” was left out: it is a set of settings, not text, a number or true/false.');
    expect(w!.warnings).to.have.length(13);
  });

  it('keeps CRM strings as they are: text for attributes, never markup it reads', () => {
    const label = '<img src=x onerror="alert(1)">';
    const [w] = readDashboardConfig({ widgets: [{ type: 'kpi', id: '<b>', metric: 'revenue', label }] }).widgets;
    expect(w!.attributes.label).to.equal(label);
    expect(w!.id).to.equal('<b>');
  });

  it('gives a placeholder with the reason, in words, for an unknown type, no type, no metric and entries that are not widgets', () => {
    const { widgets } = readDashboardConfig({ widgets: [{ type: 'chart', id: 'a', metric: 'm' }, { id: 'b', metric: 'm' }, { type: 'funnel', id: 'c' }, { type: 'kpi', id: 'd', metric: 7 }, null, 42, 'kpi', [1], { type: 12, id: 'e' }] });
    expect(widgets.map((w) => w.problem)).to.deep.equal([
      'Unknown widget type “chart”.',
      'No widget type given.',
      'No metric given.',
      'The metric is the number 7, not a name.',
      'No widget type given.',
      'No widget type given.',
      'No widget type given.',
      'No widget type given.',
      'The widget type is the number 12, not a name.',
    ]);
    // What an entry that is not an object was is said in its warnings; the config keeps it as an
    // object with its id, so it reads back as the same placeholder.
    expect(widgets.slice(4, 8).map((w) => w.warnings)).to.deep.equal([['Widget 5 is empty, not a widget.'], ['Widget 6 is the number 42, not a widget.'], ['Widget 7 is the text “kpi”, not a widget.'], ['Widget 8 is a list, not a widget.']]);
    expect(widgets.every((w) => w.tag === null)).to.equal(true);
    // A known type keeps its kind (and size) even as a placeholder.
    expect(widgets[2]!.kind).to.equal('funnel');
    expect(widgets[2]!.cell).to.deep.include(DEFAULT_SIZES.funnel);
  });

  it('shortens a long unknown type in the reason', () => {
    const [w] = readDashboardConfig({ widgets: [{ type: 'x'.repeat(500), id: 'a', metric: 'm' }] }).widgets;
    expect(w!.problem).to.equal(`Unknown widget type “${'x'.repeat(39)}…”.`);
  });

  it('gives a missing, repeated or non-text id a free one, without taking an id another widget has, and says so', () => {
    const { widgets, config } = readDashboardConfig({
      widgets: [{ type: 'kpi', metric: 'a' }, { type: 'kpi', id: 'x', metric: 'b' }, { type: 'kpi', id: 'x', metric: 'c' }, { type: 'kpi', id: 'widget-3', metric: 'd' }, { type: 'kpi', id: { no: 1 }, metric: 'e' }, { type: 'kpi', id: 5, metric: 'f' }],
    });
    const ids = widgets.map((w) => w.id);
    expect(ids).to.deep.equal(['widget-1', 'x', 'widget-3-2', 'widget-3', 'widget-5', '5']);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(widgets[2]!.warnings).to.deep.equal(['Another widget already has the id “x”; this one is now “widget-3-2”.']);
    expect(widgets[4]!.warnings).to.deep.equal(['The id a set of settings is not text; this one is now “widget-5”.']);
    // The config carries the ids, so edits address them and a reload keeps them.
    expect(config.widgets.map((w) => w.id)).to.deep.equal(ids);
  });

  it('fits cells to the grid: whole cells, width within the columns, x so the widget fits, rows from 0', () => {
    const cells = readDashboardConfig({
      columns: 6,
      widgets: [
        { type: 'kpi', id: 'a', metric: 'm', x: 2.6, y: 1.2, w: 2.4, h: 1.5 },
        { type: 'kpi', id: 'b', metric: 'm', x: 5, y: -3, w: 4 },
        { type: 'kpi', id: 'c', metric: 'm', x: -2, y: 0, w: 99, h: 1e9 },
        { type: 'kpi', id: 'd', metric: 'm', x: 'two', y: Number.NaN, w: 0, h: -1 },
        { type: 'records', id: 'e', metric: 'm', x: '1', y: '2' },
        { type: 'kpi', id: 'f', metric: 'm', x: 1, y: 1e12 },
      ],
    }).widgets.map((w) => [w.cell, w.placed]);
    expect(cells).to.deep.equal([
      [{ x: 3, y: 1, w: 2, h: 2 }, true],
      [{ x: 2, y: 0, w: 4, h: DEFAULT_SIZES.kpi.h }, true],
      [{ x: 0, y: 0, w: 6, h: 24 }, true],
      [{ x: 0, y: 0, w: 1, h: 1 }, false],
      // Records are 12 wide by default: fitted to the 6 columns.
      [{ x: 0, y: 2, w: 6, h: DEFAULT_SIZES.records.h }, true],
      [{ x: 1, y: 1000, ...DEFAULT_SIZES.kpi }, true],
    ]);
  });

  it('says what it changed in a cell, in words', () => {
    const [w] = readDashboardConfig({ widgets: [{ type: 'kpi', id: 'a', metric: 'm', x: 'left', w: 40 }] }).widgets;
    expect(w!.warnings).to.deep.equal(['The column the text “left” is not a number; it was left out.', 'The width 40 was changed to 12 to fit the grid.']);
  });

  it('columns default to 12 and are kept within 1 to 24', () => {
    const columns = (value: unknown) => {
      const read = readDashboardConfig({ columns: value, widgets: [{ type: 'records', id: 'a', metric: 'm' }] });
      return [read.config.columns, read.widgets[0]!.cell.w, read.warnings.length];
    };
    expect(columns(undefined)).to.deep.equal([undefined, DEFAULT_COLUMNS, 0]);
    expect(columns(6)).to.deep.equal([6, 6, 0]);
    expect(columns(0)).to.deep.equal([1, 1, 1]);
    expect(columns(500)).to.deep.equal([24, 12, 1]);
    expect(columns('wide')).to.deep.equal([undefined, 12, 1]);
    // NaN is not JSON: left out with the other numbers that are not finite.
    expect(columns(Number.NaN)).to.deep.equal([undefined, 12, 1]);
  });

  it('keeps the dashboard settings that are well formed and leaves the others out with a warning', () => {
    const { config, warnings } = readDashboardConfig({
      title: 42,
      source: 'crm',
      range: ['today'],
      compare: 'yesterday',
      filters: { region: 'EMEA', team: ['Direct', 'Partner'], active: true, owner: { id: 1 }, stage: [{}], score: Number.POSITIVE_INFINITY },
      widgets: [],
      version: 2,
    });
    expect(config).to.deep.equal({ source: 'crm', filters: { region: 'EMEA', team: ['Direct', 'Partner'], active: true }, widgets: [], version: 2 });
    expect(warnings).to.deep.equal([
      'Left out of the config: numbers that are not finite.',
      'The title was left out: it is the number 42, not text.',
      'The range was left out: it is a list, not text.',
      'The comparison was left out: it must be “previous_period” or “previous_year”.',
      'The filter “owner” was left out: its value is a set of settings.',
      'The filter “stage” was left out: its value is a list.',
    ]);
  });

  it('a config that is not JSON, not an object, or whose widgets are not a list is unusable, with the reason', () => {
    const problems = ['{"widgets": [', '', 'null', '42', '"kpi"', '[]', null, undefined, 7, [], () => ({}), { widgets: 'kpi' }, { widgets: { a: 1 } }].map((input) => {
      const read = readDashboardConfig(input);
      expect(read.widgets).to.deep.equal([]);
      expect(read.config.widgets).to.deep.equal([]);
      return read.problem;
    });
    expect(problems).to.deep.equal([
      'This dashboard config is not valid JSON.',
      'This dashboard config is not valid JSON.',
      'This dashboard config is empty, not a set of settings.',
      'This dashboard config is the number 42, not a set of settings.',
      'This dashboard config is the text “kpi”, not a set of settings.',
      'This dashboard config is a list, not a set of settings.',
      'This dashboard config is empty, not a set of settings.',
      'This dashboard config is missing, not a set of settings.',
      'This dashboard config is the number 7, not a set of settings.',
      'This dashboard config is a list, not a set of settings.',
      'This dashboard config is missing, not a set of settings.',
      'The widgets of this dashboard are the text “kpi”, not a list.',
      'The widgets of this dashboard are a set of settings, not a list.',
    ]);
  });

  it('a config without widgets is a usable empty dashboard (its widgets may be plain children)', () => {
    expect(readDashboardConfig({ title: 'Service' })).to.deep.equal({ config: { title: 'Service', widgets: [] }, widgets: [], problem: null, warnings: [] });
  });

  it('leaves out functions, cycles, symbols, bigints and class instances; a date becomes its ISO text', () => {
    const entry: Record<string, unknown> = { type: 'kpi', id: 'a', metric: 'revenue', onclick: () => alert(1), format: Symbol('x'), big: 10n, when: new Date(0), map: new Map() };
    entry.self = entry;
    const config: Record<string, unknown> = { widgets: [entry] };
    config.loop = config;
    const read = readDashboardConfig(config);
    expect(read.problem).to.equal(null);
    expect(read.config.widgets[0]).to.deep.equal({ type: 'kpi', id: 'a', metric: 'revenue', when: '1970-01-01T00:00:00.000Z' });
    expect(read.warnings).to.have.members([
      'Left out of the config: functions.',
      'Left out of the config: symbol values.',
      'Left out of the config: bigint values.',
      'Left out of the config: values that are not plain data (dates, maps, class instances).',
      'Left out of the config: a value that refers to itself.',
    ]);
    expect(() => JSON.stringify(read.config)).not.to.throw();
  });

  it('a “__proto__” key changes no prototype, in the copy or anywhere else', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "widgets": [{"type": "kpi", "id": "a", "metric": "m", "__proto__": {"metric": "evil", "onclick": "x"}}]}');
    const read = readDashboardConfig(hostile);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(read.config)).to.equal(Object.prototype);
    expect(Object.getPrototypeOf(read.config.widgets[0])).to.equal(Object.prototype);
    expect(read.widgets[0]!.attributes).to.deep.equal({ metric: 'm' });
    expect(read.warnings).to.deep.equal(['Left out of the config: a “__proto__” key.']);
  });

  it('a getter or proxy that throws loses only its own value', () => {
    const widget = { type: 'kpi', id: 'a', metric: 'm', get label(): string { throw new Error('no'); } };
    const trap = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const read = readDashboardConfig({ widgets: [widget, trap, revoked], title: 'T' });
    expect(read.config.title).to.equal('T');
    expect(read.widgets.map((w) => w.problem)).to.deep.equal([null, 'No widget type given.', 'No widget type given.']);
    expect(read.warnings).to.deep.equal(['Left out of the config: a value that could not be read.']);
    const whole = new Proxy({}, { getPrototypeOf() { throw new Error('trap'); } });
    expect(readDashboardConfig(whole).problem).to.equal('This dashboard config is missing, not a set of settings.');
  });

  it('a config nested deeper than any person writes is cut, not a stack overflow', () => {
    const deep = `{"widgets":[{"type":"kpi","id":"a","metric":"m","x":${'['.repeat(5000)}${']'.repeat(5000)}}]}`;
    const read = readDashboardConfig(deep);
    expect(read.widgets[0]!.tag).to.equal('crm-kpi');
    expect(read.warnings).to.include('Left out of the config: values nested too deeply.');
  });

  it(`renders at most ${MAX_WIDGETS} of 10,000 widgets and keeps them all in the config`, () => {
    const widgets = Array.from({ length: 10_000 }, (_, i) => ({ type: 'kpi', id: `k${i}`, metric: 'revenue', x: (i * 3) % 12, y: Math.floor(i / 4) * 2 }));
    const read = readDashboardConfig({ widgets });
    expect(read.widgets).to.have.length(MAX_WIDGETS);
    expect(read.widgets.at(-1)!.id).to.equal(`k${MAX_WIDGETS - 1}`);
    expect(read.config.widgets).to.have.length(10_000);
    expect(read.warnings).to.deep.equal([`This dashboard lists 10000 widgets; the first ${MAX_WIDGETS} are shown.`]);
  });

  it('a huge sparse list of widgets is cut to what a dashboard can hold', () => {
    const widgets: unknown[] = [];
    widgets.length = 1e9;
    const read = readDashboardConfig({ widgets });
    expect(read.widgets).to.have.length(MAX_WIDGETS);
    expect(read.config.widgets.length).to.be.below(1e6);
    expect(read.warnings[0]).to.equal('Left out of the config: values beyond the size a dashboard can hold.');
  });

  it('round trip: the config it gives, through JSON and read again, gives the same widgets and the same config', () => {
    const read = readDashboardConfig({
      title: 'Sales',
      columns: 8,
      filters: { region: 'EMEA' },
      widgets: [
        { type: 'kpi', metric: 'revenue', x: 0, y: 0, onclick: 'x', sparkline: true },
        { type: 'kpi', id: 'dup', metric: 'win_rate', x: 3.4, y: -1 },
        { type: 'kpi', id: 'dup', metric: 'csat' },
        { type: 'chart', id: 'c', metric: 'm', w: 50 },
        { type: 'records', id: 'r', metric: 'funnel_records', 'records-metric': 'x' },
      ],
    });
    const again = reread(read);
    expect(again.widgets.map(shown)).to.deep.equal(read.widgets.map(shown));
    expect(again.config).to.deep.equal(read.config);
    expect(again.problem).to.equal(null);
  });

  it('fuzz: 3,000 hostile configs never throw, always give plain JSON data, and read back the same', () => {
    const random = seededRandom(13);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const keys = ['type', 'id', 'metric', 'label', 'x', 'y', 'w', 'h', 'onclick', 'style', '__proto__', 'format', 'stage-field', 'sparkline', 'constructor', 'toString', 'theme', ''];
    const scalar = (): unknown =>
      pick<() => unknown>([
        () => null,
        () => undefined,
        () => Number.NaN,
        () => Number.POSITIVE_INFINITY,
        () => -1e12,
        () => 1e12,
        () => Math.round(random() * 30) - 5,
        () => random() * 10,
        () => pick(['kpi', 'funnel', 'campaign-roi', 'leaderboard', 'forecast', 'records', 'chart', '', ' ', 'KPI']),
        () => pick(['revenue', 'a', 'x'.repeat(300), '<script>alert(1)</script>', '4', '-2', 'NaN']),
        () => random() < 0.5,
        () => () => 1,
        () => Symbol('s'),
        () => [1, 'two', null],
        () => ({ nested: { deep: [{}] } }),
        () => new Date(Number.NaN),
      ])();
    const entry = (): unknown => {
      if (random() < 0.1) return scalar();
      const out: Record<string, unknown> = {};
      for (let n = Math.floor(random() * 10); n > 0; n--) out[pick(keys)] = scalar();
      if (random() < 0.05) out.self = out;
      return out;
    };
    for (let i = 0; i < 3000; i++) {
      const config: Record<string, unknown> = { widgets: Array.from({ length: Math.floor(random() * 8) }, entry) };
      for (const key of ['title', 'columns', 'filters', 'range', 'compare', 'widgets']) if (random() < 0.15) config[key] = random() < 0.5 ? scalar() : entry();
      let input: unknown = config;
      // A fifth as JSON text, as a <script> child holds it (a config with a cycle has no JSON text).
      if (random() < 0.2) {
        try {
          input = JSON.stringify(config);
        } catch {
          input = config;
        }
      }
      let read: ReadConfig;
      try {
        read = readDashboardConfig(input);
      } catch (error) {
        throw new Error(`config ${i} threw: ${String(error)}`);
      }
      const json = JSON.stringify(read.config);
      expect(JSON.parse(json), `config ${i} is not plain JSON data`).to.deep.equal(read.config);
      const again = readDashboardConfig(json);
      expect(again.widgets.map(shown), `config ${i} reads back differently`).to.deep.equal(read.widgets.map(shown));
      for (const w of read.widgets) {
        expect(Number.isInteger(w.cell.x) && Number.isInteger(w.cell.y) && Number.isInteger(w.cell.w) && Number.isInteger(w.cell.h), `config ${i}: cell ${JSON.stringify(w.cell)}`).to.equal(true);
        const columns = read.config.columns ?? DEFAULT_COLUMNS;
        expect(w.cell.w >= 1 && w.cell.x >= 0 && w.cell.x + w.cell.w <= columns && w.cell.y >= 0 && w.cell.h >= 1).to.equal(true);
        expect(w.tag === null || w.problem === null).to.equal(true);
        for (const name of Object.keys(w.attributes)) expect(name).to.match(/^[a-z][a-z0-9-]*$/).and.not.match(/^on|^style$/);
      }
      expect(new Set(read.widgets.map((w) => w.id)).size).to.equal(read.widgets.length);
    }
  });
});

describe('withWidget', () => {
  const base: DashboardConfig = {
    title: 'Sales',
    widgets: [
      { type: 'kpi', id: 'rev', metric: 'revenue', x: 0, y: 0, format: 'currency' },
      { type: 'funnel', id: 'pipe', metric: 'funnel', x: 3, y: 0 },
    ],
  };

  it('moves and resizes one widget and leaves the given config as it was', () => {
    const before = JSON.stringify(base);
    const next = withWidget(base, 'pipe', { x: 6, y: 2, w: 6, h: 3 });
    expect(next.widgets[1]).to.deep.equal({ type: 'funnel', id: 'pipe', metric: 'funnel', x: 6, y: 2, w: 6, h: 3 });
    expect(next.widgets[0]).to.deep.equal(base.widgets[0]);
    expect(JSON.stringify(base)).to.equal(before);
    expect(next).not.to.equal(base);
    expect(readDashboardConfig(next).widgets[1]!.cell).to.deep.equal({ x: 6, y: 2, w: 6, h: 3 });
  });

  it('sets and removes attributes (undefined removes one); the id stays', () => {
    const next = withWidget(base, 'rev', { label: 'Revenue', format: undefined, id: 'other', compact: true });
    expect(next.widgets[0]).to.deep.equal({ type: 'kpi', id: 'rev', metric: 'revenue', x: 0, y: 0, label: 'Revenue', compact: true });
  });

  it('a change that is not data sets nothing (a function removes the key, as JSON would)', () => {
    const next = withWidget(base, 'rev', { format: (() => 'x') as unknown as string, label: 'R' });
    expect(next.widgets[0]).to.deep.equal({ type: 'kpi', id: 'rev', metric: 'revenue', x: 0, y: 0, label: 'R' });
    expect(() => JSON.stringify(next)).not.to.throw();
  });

  it('null removes the widget; an id no widget has changes nothing', () => {
    expect(withWidget(base, 'rev', null).widgets.map((w) => w.id)).to.deep.equal(['pipe']);
    expect(withWidget(base, 'nope', { x: 1 })).to.deep.equal(base);
  });

  it('addresses a widget by the id a read gave it, when the entry had none', () => {
    const raw = { widgets: [{ type: 'kpi', metric: 'a' }, { type: 'kpi', metric: 'b' }] } as unknown as DashboardConfig;
    expect(withWidget(raw, 'widget-2', { x: 4 }).widgets).to.deep.equal([
      { type: 'kpi', metric: 'a', id: 'widget-1' },
      { type: 'kpi', metric: 'b', id: 'widget-2', x: 4 },
    ]);
  });

  it('an edit round trip: change, JSON, read gives the edited layout', () => {
    let config = readDashboardConfig(base).config;
    config = withWidget(config, 'rev', { x: 9, y: 4 });
    config = withWidget(config, 'pipe', { w: 12 });
    const cells = readDashboardConfig(JSON.parse(JSON.stringify(config))).widgets.map((w) => [w.id, w.cell]);
    expect(cells).to.deep.equal([
      ['rev', { x: 9, y: 4, ...DEFAULT_SIZES.kpi }],
      ['pipe', { x: 0, y: 0, w: 12, h: DEFAULT_SIZES.funnel.h }],
    ]);
  });
});

describe('newWidgetEntry', () => {
  const winRate = { metric: 'win_rate', label: 'Win rate', kinds: ['kpi', 'leaderboard'] as const, unit: '%' };

  it('“Win rate → KPI”: the metric, label and unit as format, the kind’s size, a free id, no place (the layout finds one)', () => {
    const entry = newWidgetEntry({ widgets: [] }, winRate, 'kpi');
    expect(entry).to.deep.equal({ type: 'kpi', id: 'win_rate-kpi', metric: 'win_rate', label: 'Win rate', format: 'percent', ...DEFAULT_SIZES.kpi });
    const [w] = readDashboardConfig({ widgets: [entry] }).widgets;
    expect([w!.tag, w!.attributes, w!.placed, w!.problem]).to.deep.equal(['crm-kpi', { metric: 'win_rate', label: 'Win rate', format: 'percent' }, false, null]);
    expect(newWidgetEntry({ widgets: [] }, { metric: 'revenue', label: 'Revenue', kinds: ['kpi'], unit: 'EUR' }, 'kpi')).to.include({ format: 'currency', currency: 'EUR' });
    expect(newWidgetEntry({ widgets: [] }, { metric: 'revenue_records', label: 'Deals', kinds: ['records'], unit: 'EUR' }, 'records')).to.not.have.property('format');
  });

  it('numbers the id when it is taken, and places it where asked', () => {
    const config: DashboardConfig = { widgets: [{ type: 'kpi', id: 'win_rate-kpi' }, { type: 'kpi', id: 'win_rate-kpi-2' }] };
    expect(newWidgetEntry(config, winRate, 'kpi').id).to.equal('win_rate-kpi-3');
    expect(newWidgetEntry(config, winRate, 'leaderboard', { x: 4.2, y: -1 })).to.deep.equal({ type: 'leaderboard', id: 'win_rate-leaderboard', metric: 'win_rate', label: 'Win rate', format: 'percent', x: 4, y: 0, ...DEFAULT_SIZES.leaderboard });
  });
});
