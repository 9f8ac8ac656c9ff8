import { expect, fixture, html, waitUntil } from '@open-wc/testing';

/**
 * The built single-file bundle, loaded the way a page without a bundler loads it, under a strict
 * Content-Security-Policy with Trusted Types enforced (`npm test` builds it first).
 */
describe('dist/crm-pulse.bundle.js', () => {
  it('renders a live KPI under a strict CSP with Trusted Types and no violation', async () => {
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe src="/test/fixtures/csp-bundle.html" style="width: 400px; height: 300px"></iframe>`);
    await waitUntil(() => iframe.contentDocument?.getElementById('kpi'), 'page did not load', { timeout: 5000 });
    const doc = iframe.contentDocument!;
    const kpi = doc.getElementById('kpi')!;
    await waitUntil(() => kpi.getAttribute('state') === 'ready', `state is ${kpi.getAttribute('state')}`, { timeout: 5000 });
    const read = (part: string) => kpi.shadowRoot!.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(read('value')).to.equal('1.234.567 €');
    expect(read('delta')).to.contain('+23,5 %');
    expect(read('status')).to.equal('Im Plan');
    expect(read('target')).to.contain('82 %');
    expect(kpi.shadowRoot!.querySelector('[part~="sparkline"] path.line')!.getAttribute('d')).to.match(/^M/);
    expect(getComputedStyle(kpi.shadowRoot!.querySelector('[part~="target"] .bar-fill')!).transform).to.not.equal('none');
    // Recorded from before the bundle ran (fixtures/csp-violations.js), first render included.
    expect((iframe.contentWindow as Window & { cspViolations: string[] }).cspViolations).to.deep.equal([]);
  });

  it('defines every element as soon as the module has run, and exports their classes and the page beat', async () => {
    const path = '/dist/crm-pulse.bundle.js';
    const bundle = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
    const tags = ['crm-kpi', 'crm-funnel', 'crm-campaign-roi', 'crm-leaderboard', 'crm-forecast', 'crm-records', 'crm-dashboard'];
    expect(tags.filter((tag) => !customElements.get(tag))).to.deep.equal([]);
    expect(customElements.get('crm-kpi')).to.equal(bundle.CrmKpi);
    expect(customElements.get('crm-dashboard')).to.equal(bundle.CrmDashboard);
    expect(typeof bundle.setUpdateBeat).to.equal('function');
    expect(typeof bundle.loadElements).to.equal('function');
  });
});
