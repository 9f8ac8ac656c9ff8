import { expect, waitUntil } from '@open-wc/testing';
import { staticSource } from '../src/data/static-source.js';
import type { CrmCampaignRoi, CrmFunnel, CrmKpi, CrmLeaderboard, CrmRecords } from '../src/index.js';
import { RecordingSource } from './dashboard/helpers.js';

/**
 * The `crm-pulse` entry loads each element when its tag shows up. Everything here shares one page
 * (web-test-runner gives each test file its own), so what is defined and what was fetched is
 * observable, and the tests run in order: each widget kind is used by one test only.
 */

const TAGS = ['crm-kpi', 'crm-funnel', 'crm-campaign-roi', 'crm-leaderboard', 'crm-forecast', 'crm-records', 'crm-dashboard'];
// Assertions compare tag names and booleans, never the classes: a failure that prints a class
// makes the runner's error report lose the page.
const definedTags = () => TAGS.filter((tag) => customElements.get(tag));
const defined = (tag: string) => customElements.get(tag) !== undefined;
const upgraded = (el: Element) => el instanceof (customElements.get(el.localName) ?? class {});
/**
 * Every file the page fetches from here on, e.g. `…/widgets/records/define.ts` (an observer rather
 * than the resource timing buffer, which is full of the test runner's own files by now).
 */
const loaded: string[] = [];
new PerformanceObserver((list) => loaded.push(...list.getEntries().map((entry) => entry.name))).observe({ type: 'resource' });
const fetched = (part: string) => loaded.some((name) => name.includes(part));
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};
const inState = (el: Element, state: string) =>
  waitUntil(() => el.getAttribute('state') === state, `<${el.localName}> stayed ${el.getAttribute('state')}, not ${state}`, { timeout: 8000 });
const text = (el: Element, part: string) =>
  [...el.shadowRoot!.querySelectorAll(`[part~="${part}"]`)].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
/** A connected container for one test, removed after it (pass or fail). */
const stages: HTMLElement[] = [];
const stage = () => {
  const div = document.body.appendChild(document.createElement('div'));
  stages.push(div);
  return div;
};
afterEach(() => {
  for (const div of stages.splice(0)) div.remove();
});

let entry: typeof import('../src/index.js');
let definedAtImport: string[];
let early: CrmKpi;

before(async () => {
  // On the page before the entry is imported, its data set as a property, as a framework would.
  early = document.createElement('crm-kpi') as CrmKpi;
  early.source = staticSource({ revenue: [{ value: 1234, previous: 1000 }] });
  early.setAttribute('metric', 'revenue');
  early.setAttribute('locale', 'en-US');
  document.body.append(early);
  entry = await import('../src/index.js');
  definedAtImport = definedTags();
});

describe('crm-pulse entry: elements defined on demand', () => {
  it('defines nothing while it is imported', () => {
    expect(definedAtImport).to.deep.equal([]);
    expect(entry.loadElements).to.be.a('function');
  });

  it('defines an element that was on the page before the import; its property set before then is kept', async () => {
    await customElements.whenDefined('crm-kpi');
    await inState(early, 'ready');
    expect(text(early, 'value')).to.deep.equal(['1,234']);
    expect(fetched('/widgets/kpi/define'), 'the page fetched the KPI module').to.equal(true);
    expect(definedTags()).to.deep.equal(['crm-kpi']);
  });

  it('defines an element added after the import', async () => {
    const root = stage();
    expect(defined('crm-funnel')).to.equal(false);
    root.innerHTML = '<div><crm-funnel metric="funnel" locale="en-US"></crm-funnel></div>';
    const funnel = root.querySelector('crm-funnel') as CrmFunnel;
    funnel.source = staticSource({ funnel: [{ stage: 'Lead', value: 400 }, { stage: 'Won', value: 40 }] });
    await inState(funnel, 'ready');
    expect(upgraded(funnel)).to.equal(true);
    expect(text(funnel, 'headline')).to.deep.equal(['10% overall']);
  });

  it('an element made with createElement keeps the source object and metric set before its definition arrives', async () => {
    const root = stage();
    const board = document.createElement('crm-leaderboard') as CrmLeaderboard;
    expect(defined('crm-leaderboard'), 'not defined yet').to.equal(false);
    board.source = staticSource({ agents: [{ id: 'a', name: 'Ana Ortiz', value: 10 }, { id: 'b', name: 'Ben Okafor', value: 30 }] });
    board.metric = 'agents';
    root.append(board);
    await customElements.whenDefined('crm-leaderboard');
    await inState(board, 'ready');
    expect(board.metric).to.equal('agents');
    expect(text(board, 'name')).to.deep.equal(['Ben Okafor', 'Ana Ortiz']);
  });

  it('defines a dashboard and the widget inside it, which asks the dashboard’s source', async () => {
    const root = stage();
    expect(definedTags()).to.not.include.members(['crm-dashboard', 'crm-campaign-roi']);
    const source = new RecordingSource((q) => (q.metric === 'campaigns' ? [{ campaign: 'Spring webinar', cost: 1000, revenue: 3000 }] : []));
    root.innerHTML = '<crm-dashboard locale="en-US" style="display:block; width: 900px"><crm-campaign-roi metric="campaigns"></crm-campaign-roi></crm-dashboard>';
    const dashboard = root.querySelector('crm-dashboard')!;
    dashboard.source = source;
    const roi = root.querySelector('crm-campaign-roi') as CrmCampaignRoi;
    await inState(roi, 'ready');
    expect(upgraded(dashboard)).to.equal(true);
    expect(source.asked('campaigns')).to.have.length.greaterThan(0);
    expect(roi.shadowRoot!.textContent).to.contain('Spring webinar');
  });

  it('leaves tags that are not its own alone: unknown crm-* names and a page’s own crm-* element', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const root = stage();
      root.innerHTML = '<crm-chart></crm-chart><crm-kpis></crm-kpis><crm-note>kept</crm-note><x-crm-kpi></x-crm-kpi>';
      customElements.define('crm-note', class extends HTMLElement {});
      await entry.loadElements(root);
      await frames(3);
      expect(['crm-chart', 'crm-kpis', 'x-crm-kpi'].filter(defined)).to.deep.equal([]);
      expect(root.querySelector('crm-note')!.textContent).to.equal('kept');
      expect(warnings).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });

  it('an element removed before its module arrives: no error, and it is upgraded when it comes back', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('error' in e ? e.error : e.reason);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    try {
      const root = stage();
      const forecast = document.createElement('crm-forecast');
      forecast.setAttribute('metric', 'forecast');
      (forecast as HTMLElementTagNameMap['crm-forecast']).source = staticSource({ forecast: [{ category: 'closed', value: 100 }, { category: 'commit', value: 50 }] });
      root.append(forecast);
      await Promise.resolve(); // the document's watcher has seen it and asked for its module
      forecast.remove();
      expect(defined('crm-forecast'), 'the module has not arrived yet').to.equal(false);
      // Nothing else on the page is a forecast: it is defined because the removed one was seen.
      await customElements.whenDefined('crm-forecast');
      await frames(2);
      expect(upgraded(forecast), 'a removed element is not upgraded').to.equal(false);
      root.append(forecast);
      expect(upgraded(forecast)).to.equal(true);
      await inState(forecast, 'ready');
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    }
  });

  it('loads nothing for a tag that is not in the document: the records table stays undefined and unfetched', async () => {
    // In a shadow root of the page's own, which the document's watcher cannot see.
    const host = stage();
    host.attachShadow({ mode: 'open' }).innerHTML = '<crm-records metric="deals" locale="en-US"></crm-records>';
    await frames(3);
    expect(definedTags()).to.deep.equal(['crm-kpi', 'crm-funnel', 'crm-campaign-roi', 'crm-leaderboard', 'crm-forecast', 'crm-dashboard']);
    expect(fetched('/widgets/records/')).to.equal(false);
    expect(fetched('@lit-labs/virtualizer')).to.equal(false);
  });

  it('loadElements(shadowRoot) defines the elements of a shadow root of your own, and resolves once they are', async () => {
    const host = stage();
    const root = host.attachShadow({ mode: 'open' });
    const records = document.createElement('crm-records') as CrmRecords;
    records.source = staticSource({ deals: [{ id: 'd1', name: 'Acme renewal', amount: 1200 }] });
    records.setAttribute('metric', 'deals');
    records.setAttribute('locale', 'en-US');
    records.style.setProperty('--crm-records-height', '200px');
    root.append(records);
    expect(defined('crm-records')).to.equal(false);
    await entry.loadElements(root);
    expect(upgraded(records), 'defined when loadElements resolves').to.equal(true);
    await inState(records, 'ready');
    await waitUntil(() => records.shadowRoot!.textContent!.includes('Acme renewal'), 'the record is not shown', { timeout: 4000 });
    // Asked again, for a root already defined: resolves at once.
    await entry.loadElements(root);
  });
});
