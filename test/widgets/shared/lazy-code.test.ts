import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { stateMessagesFor } from '../../../src/format/state-messages.js';
import { LazyCode } from '../../../src/widgets/shared/lazy-code.js';

/** A view's code that fails to load until `reachable`, as a file the network cannot fetch. */
let reachable = false;
let asked = 0;
/** The network's answer arrives when the test lets it. */
let answer: () => void = () => {};
const lazy = new LazyCode(async () => {
  asked++;
  await new Promise<void>((resolve) => (answer = resolve));
  if (!reachable) throw new TypeError('Failed to fetch dynamically imported module');
  return { draw: () => 'the plot' };
}, 'the test view');

class LazyHost extends LitElement {
  override render() {
    return lazy.code ? html`<p class="plot">${lazy.code.draw()}</p>` : (lazy.load(this), lazy.placeholder(this, stateMessagesFor('de-DE')));
  }
}
customElements.define('lazy-host', LazyHost);

describe('LazyCode: a view loaded on first use', () => {
  it('shows why the plot is missing after a failed load, asks again only on Retry, and draws the plot then', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const el = await fixture<LazyHost>(html`<lazy-host></lazy-host>`);
      const root = el.shadowRoot!;
      expect(root.querySelector('[part="loading"]')).to.exist;
      answer();
      await waitUntil(() => root.querySelector('[part="error"]'), 'the failure was never shown');
      expect(root.querySelector('[part="error"]')!.textContent).to.contain('Diagramm konnte nicht geladen werden');
      expect(warnings).to.have.length(1);
      // Renders after the failure (new data) do not ask again.
      el.requestUpdate();
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      expect(asked).to.equal(1);
      reachable = true;
      root.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await el.updateComplete;
      expect(root.querySelector('[part="loading"]'), 'loading again after Retry').to.exist;
      answer();
      await waitUntil(() => root.querySelector('.plot'), 'the plot never came');
      expect(root.querySelector('.plot')!.textContent).to.equal('the plot');
      expect(asked).to.equal(2);
    } finally {
      console.warn = warn;
    }
  });

  it("one tile's successful Retry draws every tile that showed the failure", async () => {
    let online = false;
    let release: () => void = () => {};
    const shared = new LazyCode(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      if (!online) throw new TypeError('Failed to fetch dynamically imported module');
      return { draw: () => 'the shared plot' };
    }, 'the shared view');
    class SharedHost extends LitElement {
      override render() {
        return shared.code ? html`<p class="plot">${shared.code.draw()}</p>` : (shared.load(this), shared.placeholder(this, stateMessagesFor('en-US')));
      }
    }
    customElements.define('lazy-shared-host', SharedHost);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const page = await fixture<HTMLDivElement>(html`<div><lazy-shared-host id="a"></lazy-shared-host><lazy-shared-host id="b"></lazy-shared-host></div>`);
      const [a, b] = [...page.querySelectorAll<SharedHost>('lazy-shared-host')].map((el) => el.shadowRoot!);
      release();
      await waitUntil(() => a!.querySelector('[part="error"]') && b!.querySelector('[part="error"]'), 'the failure was never shown in both');
      online = true;
      a!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => b!.querySelector('[part="loading"]'), 'the other tile did not show the new attempt');
      release();
      await waitUntil(() => a!.querySelector('.plot') && b!.querySelector('.plot'), 'the other tile kept its failure after the Retry succeeded');
    } finally {
      console.warn = warn;
    }
  });
});
