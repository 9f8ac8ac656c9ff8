import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../../src/funnel.js';
import type { CrmFunnel } from '../../../src/funnel.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { all, drawn, num, running, settled } from '../funnel/chart-helpers.js';

const stages = (...values: number[]): Row[] => values.map((value, i) => ({ stage: ['Lead', 'Deal', 'Won'][i]!, value }));
const widths = (el: CrmFunnel) => all(el, '.bar').map((b) => num(b, 'width'));
const drawnWidths = (el: CrmFunnel) => all(el, '.bar').map((b) => b.getBoundingClientRect().width);

describe('widgets out of view', () => {
  afterEach(() => fixtureCleanup());

  it('draw new data in place while scrolled out of view, and move again once back in view', async () => {
    const source = new ManualSource(frame(stages(1000, 500, 100)));
    const page = await fixture<HTMLDivElement>(html`<div>
      <crm-funnel id="near" metric="funnel" style="width: 500px; height: 240px; --crm-motion-duration: 600ms" .source=${source}></crm-funnel>
      <div style="height: 4000px"></div>
      <crm-funnel id="far" metric="funnel" style="width: 500px; height: 240px; --crm-motion-duration: 600ms" .source=${source}></crm-funnel>
    </div>`);
    const near = page.querySelector<CrmFunnel>('#near')!;
    const far = page.querySelector<CrmFunnel>('#far')!;
    await drawn(near);
    await drawn(far);
    // Let the widgets learn where they are (the observer reports after a frame's layout).
    await frames(3);

    source.emit(stages(1000, 300, 50));
    await waitUntil(() => running(near).length > 0, 'the widget in view never moved', { timeout: 4000 });
    expect(running(far), 'the widget out of view animated').to.have.length(0);
    // It shows the new data all the same.
    await waitUntil(() => widths(far)[1]! / widths(far)[0]! === 0.3, 'the widget out of view never drew the data', { timeout: 4000 });
    drawnWidths(far).forEach((w, i) => expect(w).to.be.closeTo(widths(far)[i]!, 0.01));
    await settled(near);

    far.scrollIntoView();
    await frames(3);
    source.emit(stages(1000, 600, 200));
    await waitUntil(() => running(far).length > 0, 'the widget back in view never moved', { timeout: 4000 });
    window.scrollTo(0, 0);
  });
});
