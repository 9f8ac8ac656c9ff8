import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CrmDashboard } from '../../src/dashboard.js';

type PageWindow = Window & { cspViolations: string[] };

describe('<crm-dashboard> under a strict CSP with Trusted Types', () => {
  it('places, cross-filters, drills and edits with no violation', async function () {
    // The page loads every module from source on its own: slow on a busy machine.
    this.timeout(40_000);
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe src="/test/dashboard/csp/dashboard.html" style="width: 1100px; height: 800px"></iframe>`);
    await waitUntil(() => iframe.contentDocument?.getElementById('dashboard'), 'page did not load', { timeout: 5000 });
    const page = iframe.contentWindow as PageWindow;
    const el = iframe.contentDocument!.getElementById('dashboard') as CrmDashboard;
    const root = () => el.shadowRoot!;
    const widget = (id: string) => el.shadowRoot?.querySelector<HTMLElement>(`[data-widget-id="${id}"]`) as HTMLElement;
    await waitUntil(() => ['rev', 'funnel', 'reps'].every((id) => widget(id)?.getAttribute('state') === 'ready'), 'widgets not ready', { timeout: 25_000 });
    // Hostile text stays text; a refused attribute is not set.
    expect(root().querySelector('[part~="title"]')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(root().querySelector('img')).to.equal(null);
    expect(root().querySelector('[part~="placeholder"]')!.textContent).to.contain('chart');
    // Placement goes through the CSSOM, which the policy allows.
    expect(widget('funnel').parentElement!.style.gridColumn).to.equal('4 / span 6');

    const stage = [...widget('funnel').shadowRoot!.querySelectorAll('[data-key]')][1]!;
    stage.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => root().querySelectorAll('[part~="chip"]').length === 1, 'no chip');
    await waitUntil(() => stage.getAttribute('data-selected') === 'true');
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    el.crossFilter = false;
    await el.updateComplete;
    widget('rev').shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!.click();
    await waitUntil(() => root().querySelector('crm-records')?.getAttribute('state') === 'ready', 'records not ready', { timeout: 10_000 });
    root().querySelector<HTMLButtonElement>('[part~="back"]')!.click();
    await el.updateComplete;
    expect(page.cspViolations).to.deep.equal([]);
    // The policy is really on: a style attribute from markup is refused.
    const probe = iframe.contentDocument!.createElement('div');
    probe.setAttribute('style', 'color: red');
    iframe.contentDocument!.body.append(probe);
    await waitUntil(() => page.cspViolations.length === 1, 'the policy did not refuse an inline style');
  });
});
