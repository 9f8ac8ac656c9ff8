import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/campaign-roi.js';
import type { CrmCampaignRoi } from '../../../src/campaign-roi.js';
import { staticSource } from '../../../src/data/index.js';
import { all, drawn, one } from '../funnel/chart-helpers.js';
import { euro } from './campaigns.js';

// This file runs in a page of its own: the scatter's code is not loaded until a test here asks for it.
// The test page loads hundreds of modules: room for the resource entries that tell what was loaded.
performance.setResourceTimingBufferSize(100_000);

const scatterCodeLoaded = () => performance.getEntriesByType('resource').some((e) => e.name.includes('roi-scatter-chart'));

const roi = (view: string) =>
  fixture<CrmCampaignRoi>(html`<crm-campaign-roi metric="campaigns" label="Campaign ROI" locale="en-US" view=${view} style="width: 720px; height: 360px" .source=${staticSource({ campaigns: euro() })}></crm-campaign-roi>`);

describe('<crm-campaign-roi> loads the scatter view when it is first shown', () => {
  it('bars draw without downloading the scatter view', async () => {
    const el = await roi('bars');
    await drawn(el);
    expect(all(el, '.bar').length).to.equal(5);
    expect(scatterCodeLoaded()).to.be.false;
  });

  it('view="scatter" shows its numbers at once and the bubbles as soon as their code arrives', async () => {
    const el = await roi('scatter');
    // Sampled in every frame until the chart is there: before it, the headline and the data table
    // were shown with a loading plot.
    let waited = false;
    while (!one(el, '.plot > svg')) {
      const headline = one(el, '[part="headline"]')?.textContent?.trim();
      if (headline && one(el, 'table tbody tr') && one(el, '.plot [part="loading"][aria-busy="true"]')) waited = true;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    expect(waited, 'the numbers were shown while the scatter loaded').to.be.true;
    expect(scatterCodeLoaded()).to.be.true;
    await waitUntil(() => all(el, '.dot').length === 5, 'the bubbles were never drawn');
    expect(one(el, '.plot [part="loading"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
