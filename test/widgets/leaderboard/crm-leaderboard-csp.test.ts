import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MetricFrame } from '../../../src/data/types.js';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';
import { moves, names, pinnedRow, seen, settled } from './helpers.js';

type PageWindow = Window & { cspViolations: string[]; emitAgents: (rows: MetricFrame['rows']) => void };

describe('<crm-leaderboard> under a strict CSP with Trusted Types', () => {
  it('renders, moves rows, counts values and falls back to initials with no violation', async function () {
    // The page loads every module from source on its own: slow on a busy machine.
    this.timeout(30_000);
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe src="/test/widgets/leaderboard/csp/leaderboard.html" style="width: 480px; height: 400px"></iframe>`);
    await waitUntil(() => iframe.contentDocument?.getElementById('board'), 'page did not load', { timeout: 5000 });
    const page = iframe.contentWindow as PageWindow;
    const el = iframe.contentDocument!.getElementById('board') as CrmLeaderboard;
    await waitUntil(() => el.getAttribute('state') === 'ready', `state is ${el.getAttribute('state')}`, { timeout: 20_000 });
    expect(names(el)).to.deep.equal(['Ben Okafor', 'Chloé Martin', 'Ana Ortiz', 'Dev Patel']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    page.emitAgents([
      { id: 'a', name: 'Ana Ortiz', value: 30 },
      { id: 'b', name: 'Ben Okafor', value: 20 },
      { id: 'c', name: 'Chloé Martin', value: 20 },
      { id: 'd', name: 'Dev Patel', value: 5 },
    ]);
    await waitUntil(() => names(el)[0] === 'Ana Ortiz', 'never reordered');
    expect(moves(el).length).to.be.greaterThan(0);
    await settled(el, ['30', '20', '20', '5']);
    expect(seen(pinnedRow(el)!, 'rank')).to.equal('4');
    // Bar lengths and the value column's width are set through the CSSOM, which the policy allows.
    const fill = el.shadowRoot!.querySelector<HTMLElement>('[part~="row"] .bar-fill')!;
    expect(getComputedStyle(fill).transform).to.not.equal('none');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part~="table"]')!.style.getPropertyValue('--_value-width')).to.equal('2ch');
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~="avatar"] img'), 'the failed avatar stayed');
    expect(page.cspViolations).to.deep.equal([]);
    // The policy is really on: a style attribute from markup is refused.
    const probe = iframe.contentDocument!.createElement('div');
    probe.setAttribute('style', 'color: red');
    iframe.contentDocument!.body.append(probe);
    await waitUntil(() => page.cspViolations.length === 1, 'the policy did not refuse an inline style');
  });
});
