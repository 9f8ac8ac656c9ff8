import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MetricFrame } from '../../../src/data/types.js';
import type { CrmForecast } from '../../../src/forecast.js';
import { direct, partner } from './helpers.js';

type PageWindow = Window & { cspViolations: string[]; emitForecast: (rows: MetricFrame['rows']) => void };

describe('<crm-forecast> under a strict CSP with Trusted Types', () => {
  it('draws bars, moves them to new data, shows a tooltip and draws the trend with no violation', async function () {
    // The page loads every module from source on its own: slow on a busy machine.
    this.timeout(30_000);
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe src="/test/widgets/forecast/csp/forecast.html" style="width: 640px; height: 800px"></iframe>`);
    await waitUntil(() => iframe.contentDocument?.getElementById('bars'), 'page did not load', { timeout: 5000 });
    const page = iframe.contentWindow as PageWindow;
    const bars = iframe.contentDocument!.getElementById('bars') as CrmForecast;
    const trend = iframe.contentDocument!.getElementById('trend') as CrmForecast;
    for (const el of [bars, trend]) await waitUntil(() => el.getAttribute('state') === 'ready' && el.shadowRoot!.querySelector('svg'), `state is ${el.getAttribute('state')}`, { timeout: 20_000 });
    const status = () => bars.shadowRoot!.querySelector('[data-label="status-0"]')?.textContent?.replace(/\s/g, ' ');
    expect(status()).to.equal('85% of 1M · 150K to go');
    expect(trend.shadowRoot!.querySelectorAll('.point').length).to.equal(3);
    page.emitForecast([{ ...direct[0]!, value: 700_000 }, ...direct.slice(1), ...partner]);
    await waitUntil(() => status() === '95% of 1M · 50K to go', 'never updated');
    // The tooltip is placed through the CSSOM, which the policy allows.
    bars.shadowRoot!.querySelector('.mark')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await waitUntil(() => bars.shadowRoot!.querySelector<HTMLElement>('.tip')?.style.left, 'no tooltip');
    expect(page.cspViolations).to.deep.equal([]);
    // The policy is really on: a style attribute from markup is refused.
    const probe = iframe.contentDocument!.createElement('div');
    probe.setAttribute('style', 'color: red');
    iframe.contentDocument!.body.append(probe);
    await waitUntil(() => page.cspViolations.length === 1, 'the policy did not refuse an inline style');
  });
});
