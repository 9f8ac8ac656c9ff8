import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { staticSource } from '../../../src/data/index.js';
import type { CrmForecast } from '../../../src/forecast.js';
import type { Row } from '../../helpers/sources.js';
import { all, drawn, one } from '../funnel/chart-helpers.js';
import { direct, label, partner } from './helpers.js';

// This file runs in a page of its own: the trend's code is not loaded until a test here asks for it.
// The test page loads hundreds of modules: room for the resource entries that tell what was loaded.
performance.setResourceTimingBufferSize(100_000);

const weeks: Row[] = [0, 1, 2].flatMap((w): Row[] => [
  { time: Date.UTC(2024, 3, 1 + 7 * w), channel: 'direct', category: 'closed', value: 100_000 * w, quota: 1_000_000 },
  { time: Date.UTC(2024, 3, 1 + 7 * w), channel: 'direct', category: 'commit', value: 200_000 },
]);

const trendCodeLoaded = () => performance.getEntriesByType('resource').some((e) => /\/forecast-trend\.(ts|js)/.test(e.name));

describe('<crm-forecast> loads the trend view when it is first shown', () => {
  it('bars draw without downloading the trend view', async () => {
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" style="width: 600px; height: 360px" .source=${staticSource({ forecast: [...direct, ...partner] })}></crm-forecast>`);
    await drawn(el);
    expect(all(el, '.seg').length).to.equal(8);
    expect(trendCodeLoaded()).to.be.false;
  });

  it('mode="trend" shows its numbers at once and the chart as soon as its code arrives', async () => {
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" mode="trend" locale="en-US" style="width: 600px; height: 300px" .source=${staticSource({ forecast: weeks })}></crm-forecast>`);
    // Sampled in every frame until the chart is there: before it, the heading, the headline and the
    // data table were shown with a loading plot.
    let waited = false;
    while (!one(el, '.plot > svg')) {
      const headline = one(el, '[part="headline"]')?.textContent?.trim();
      if (headline && one(el, 'table tbody tr') && one(el, '.plot [part="loading"][aria-busy="true"]')) waited = true;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    expect(waited, 'the numbers were shown while the trend loaded').to.be.true;
    expect(trendCodeLoaded()).to.be.true;
    await waitUntil(() => all(el, '.point').length === 3, 'the weeks were never drawn');
    expect(one(el, '.plot [part="loading"]')).to.equal(null);
    expect(label(el, 'quota')).to.equal('Quota 1M');
    await expect(el).to.be.accessible();
  });

  it('a forecast switched to the trend draws it, and back to bars', async () => {
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" style="width: 600px; height: 300px" .source=${staticSource({ forecast: weeks })}></crm-forecast>`);
    await drawn(el);
    el.mode = 'trend';
    await waitUntil(() => all(el, '.point').length === 3, 'the trend was never drawn');
    el.mode = 'bars';
    await waitUntil(() => all(el, '.seg').length === 4, 'the bars were never drawn again');
  });
});
