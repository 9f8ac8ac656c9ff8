import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CrmRecords } from '../../../src/records.js';
import { body, cells, rows, sortButton, text, virtualized } from './helpers.js';

type PageWindow = Window & { cspViolations: string[]; emitRecords: (n: number) => void };

describe('<crm-records> under a strict CSP with Trusted Types', () => {
  it('renders, sorts, scrolls and updates live with no violation', async function () {
    // The page loads every module from source on its own: slow on a busy machine.
    this.timeout(30_000);
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe src="/test/widgets/records/csp/records.html" style="width: 700px; height: 500px"></iframe>`);
    await waitUntil(() => iframe.contentDocument?.getElementById('records'), 'page did not load', { timeout: 5000 });
    const page = iframe.contentWindow as PageWindow;
    const el = iframe.contentDocument!.getElementById('records') as CrmRecords;
    await waitUntil(() => el.getAttribute('state') === 'ready' && rows(el).length > 0, `state is ${el.getAttribute('state')}`, { timeout: 20_000 });
    // 2,000 records: the virtualizer is loaded (a dynamic import the policy allows) and takes over.
    await virtualized(el);
    expect(cells(rows(el)[0]!)[0]).to.equal('<img src=x onerror=alert(1)>');
    expect(rows(el)[0]!.querySelector('a')).to.equal(null);
    // Column widths and row positions are set through the CSSOM, which the policy allows.
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part~="table"]')!.style.getPropertyValue('--_columns')).to.contain('minmax');
    expect(rows(el)[1]!.style.transform).to.match(/translate/);
    sortButton(el, 'Name').click();
    await waitUntil(() => cells(rows(el)[0]!)[0] === '<img src=x onerror=alert(1)>' && cells(rows(el)[1]!)[0] === 'Record 0');
    body(el).scrollTop = body(el).scrollHeight;
    await waitUntil(() => rows(el).some((r) => cells(r)[0] === 'Record 1999'), 'the end never rendered');
    page.emitRecords(1_500);
    await waitUntil(() => text(el, 'count') === '1,501 records');
    expect(page.cspViolations).to.deep.equal([]);
    // The policy is really on: a style attribute from markup is refused.
    const probe = iframe.contentDocument!.createElement('div');
    probe.setAttribute('style', 'color: red');
    iframe.contentDocument!.body.append(probe);
    await waitUntil(() => page.cspViolations.length === 1, 'the policy did not refuse an inline style');
  });
});
