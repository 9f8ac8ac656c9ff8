import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { staticSource } from '../../../src/data/index.js';
import type { CrmDrilldownEvent } from '../../../src/events/crm-drilldown.js';
import type { CrmForecast } from '../../../src/forecast.js';
import { ManualSource, type Row } from '../../helpers/sources.js';
import { all, drawn } from '../funnel/chart-helpers.js';
import { direct } from './helpers.js';
import { setUpdateBeat } from '../../../src/widgets/shared/update-beat.js';

describe('<crm-forecast> with hostile input', () => {
  // Frame by frame: every update drawn as it comes, not on the page's beat (see update-beat.test.ts).
  before(() => setUpdateBeat(0));
  after(() => setUpdateBeat());
  it('a group name holding a line break still drills into its own group and category', async () => {
    const rows = direct.map((r) => ({ ...r, channel: 'North\nEast' }));
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" style="width: 600px; height: 300px" .source=${staticSource({ forecast: rows })}></crm-forecast>`);
    await drawn(el);
    const commit = all(el, '.mark').find((m) => m.dataset.key!.endsWith('\ncommit'))!;
    const heard = oneEvent(el, 'crm-drilldown') as Promise<CrmDrilldownEvent>;
    commit.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const { detail } = await heard;
    expect(detail.row).to.include({ group: 'North\nEast', category: 'commit', value: 250_000 });
  });

  it('mode="trend" with times beyond what a date holds draws the weeks it can read, without an exception', async () => {
    const week = 7 * 86_400_000;
    const t0 = Date.UTC(2026, 9, 5);
    const rows = [0, 1, 2].flatMap((w): Row[] => [
      { category: 'closed', value: 100_000 * (w + 1), quota: 1_000_000, time: t0 + w * week },
      { category: 'commit', value: 50_000, time: t0 + w * week },
    ]);
    rows.push({ category: 'closed', value: 999, quota: 1_000_000, time: 1e17 }, { category: 'commit', value: 1, time: -1e17 });
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" mode="trend" locale="en-US" style="width: 600px; height: 300px" .source=${staticSource({ forecast: rows })}></crm-forecast>`);
    await drawn(el);
    expect(el.state).to.equal('ready');
    expect(all(el, '[data-key]').length).to.equal(3);
  });

  it('a fault repeated in every live frame is warned about once', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const bad = [...direct, { channel: 'direct', category: 'commit', value: 'lots' }];
      const source = new ManualSource({ rows: bad, asOf: 1 });
      const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" quota="much" locale="en-US" style="width: 600px; height: 300px" .source=${source}></crm-forecast>`);
      await drawn(el);
      for (let i = 2; i < 6; i++) {
        // New numbers in every frame (an equal frame only confirms and is not read again).
        source.emit({ rows: bad.map((r) => (r.category === 'closed' ? { ...r, value: 600_000 + i } : r)), asOf: i });
        await drawn(el);
      }
      expect(el.shadowRoot!.textContent).to.contain('600,005');
      expect(warnings.filter((w) => w.includes('quota "much"'))).to.have.length(1);
      expect(warnings.filter((w) => w.includes('crm-pulse: forecast'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
