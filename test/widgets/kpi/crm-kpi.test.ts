import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/kpi.js';
import { registerSource, staticSource, unregisterSource } from '../../../src/data/index.js';
import type { CrmKpi } from '../../../src/kpi.js';
import { ManualSource, frame } from '../../helpers/sources.js';

const part = (el: CrmKpi, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: CrmKpi, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const ready = (el: CrmKpi, state = 'ready') => waitUntil(() => el.getAttribute('state') === state, `state never became ${state}`, { timeout: 4000 });

describe('<crm-kpi> shows the numbers', () => {
  afterEach(() => unregisterSource('crm'));

  it('1234567 vs 1000000 in de-DE EUR reads "1.234.567 €" with a good +23,5 % delta', async () => {
    registerSource('crm', staticSource({ revenue: [{ value: 1234567, previous: 1000000 }] }));
    const el = await fixture<CrmKpi>(html`<crm-kpi source="crm" metric="revenue" format="currency" currency="EUR" locale="de-DE"></crm-kpi>`);
    await ready(el);
    expect(text(el, 'value')).to.equal('1.234.567 €');
    expect(text(el, 'delta')).to.contain('+234.567 €').and.contain('+23,5 %').and.contain('ggü. Vorperiode');
    expect(part(el, 'delta')!.classList.contains('tone-good')).to.be.true;
    expect(part(el, 'delta')!.querySelector('.arrow')!.textContent).to.equal('▲');
    await expect(el).to.be.accessible();
  });

  it('takes format and currency from the field unit when the page does not say', async () => {
    const source = staticSource({ revenue: { rows: [{ value: 5000, previous: 4000 }], fields: [{ name: 'value', type: 'number', unit: 'USD', label: 'Bookings' }], asOf: Date.now() } });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await ready(el);
    expect(text(el, 'value')).to.equal('$5,000');
    expect(text(el, 'label')).to.equal('Bookings');
  });

  it('positive="down": a falling handle time is good and says so without colour', async () => {
    const source = staticSource({ aht: [{ value: 300, previous: 360 }] });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="aht" format="duration" positive="down" locale="en-US" .source=${source}></crm-kpi>`);
    await ready(el);
    expect(text(el, 'value')).to.equal('5m 0s');
    const delta = part(el, 'delta')!;
    expect(delta.classList.contains('tone-good')).to.be.true;
    expect(delta.querySelector('.arrow')!.textContent).to.equal('▼');
    expect(delta.textContent).to.contain('down').and.contain('−1m 0s').and.contain('16.7%');
  });

  it('a rising value with positive="down" is bad', async () => {
    const source = staticSource({ churn: [{ value: 0.06, previous: 0.05 }] });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="churn" format="percent" positive="down" locale="en-US" .source=${source}></crm-kpi>`);
    await ready(el);
    expect(part(el, 'delta')!.classList.contains('tone-bad')).to.be.true;
    expect(text(el, 'delta')).to.contain('+1 pp').and.contain('+20%');
  });

  it('draws progress toward the target proportionally, and the target attribute wins over the row', async () => {
    const source = staticSource({ revenue: [{ value: 750, target: 1000 }] });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await ready(el);
    expect(text(el, 'target')).to.equal('75% of target 1,000');
    const fill = part(el, 'target')!.querySelector<HTMLElement>('.bar-fill')!;
    expect(fill.style.transform).to.equal('scaleX(0.75)');
    el.target = 3000;
    await el.updateComplete;
    expect(text(el, 'target')).to.equal('25% of target 3,000');
    expect(fill.style.transform).to.equal('scaleX(0.25)');
  });

  it('a change of progress nobody can see (under a thousandth of the bar) starts no motion', async () => {
    const source = new ManualSource(frame([{ value: 750_000, target: 1_000_000 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" style="width: 300px" .source=${source}></crm-kpi>`);
    await ready(el);
    const fill = part(el, 'target')!.querySelector<HTMLElement>('.bar-fill')!;
    expect(fill.style.transform).to.equal('scaleX(0.75)');
    source.emit([{ value: 750_300, target: 1_000_000 }]);
    await waitUntil(() => text(el, 'value') === '750,300', 'the new value was never drawn', { timeout: 4000 });
    expect(fill.style.transform).to.equal('scaleX(0.75)');
    expect(el.shadowRoot!.getAnimations()).to.have.length(0);
    source.emit([{ value: 760_000, target: 1_000_000 }]);
    // On the page's beat: up to a second after the update before.
    await waitUntil(() => fill.style.transform === 'scaleX(0.76)', 'a visible change was never drawn', { timeout: 4000 });
  });

  it('caps the target bar at full when the target is beaten, but the text says how far', async () => {
    const source = staticSource({ revenue: [{ value: 1500, target: 1000 }] });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await ready(el);
    expect(text(el, 'target')).to.equal('150% of target 1,000');
    expect(part(el, 'target')!.querySelector<HTMLElement>('.bar-fill')!.style.transform).to.equal('scaleX(1)');
  });

  it('labels the threshold band in words, with its tone', async () => {
    const source = staticSource({ revenue: [{ value: 900 }] });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" thresholds="0:Critical, 800:At risk, 1000:On track" .source=${source}></crm-kpi>`);
    await ready(el);
    expect(text(el, 'status')).to.equal('At risk');
    expect(part(el, 'status')!.classList.contains('tone-warning')).to.be.true;
  });

  it('draws the sparkline through every time row, highest value highest, and lists them in a table', async () => {
    const t0 = Date.UTC(2026, 0, 1);
    const rows = [10, 30, 20, 40].map((value, i) => ({ time: t0 + i * 86_400_000, value }));
    const source = staticSource({ leads: rows });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="leads" .source=${source}></crm-kpi>`);
    await ready(el);
    const d = part(el, 'sparkline')!.querySelector('.line')!.getAttribute('d')!;
    const points = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(points).to.have.length(4);
    expect(points[0]![0]).to.equal(0);
    expect(points[3]![0]).to.equal(100);
    const ys = points.map((p) => p[1]);
    expect(Math.min(...ys)).to.equal(ys[3]); // 40 is the highest value: smallest y
    expect(Math.max(...ys)).to.equal(ys[0]); // 10 the lowest
    expect(el.shadowRoot!.querySelectorAll('table tbody tr')).to.have.length(4);
  });

  it('writes compact numbers when the tile is narrow', async () => {
    registerSource('crm', staticSource({ revenue: [{ value: 1234567 }] }));
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 170px"><crm-kpi source="crm" metric="revenue" format="currency" currency="EUR" locale="de-DE"></crm-kpi></div>`);
    const el = wrap.querySelector('crm-kpi')!;
    await ready(el);
    await waitUntil(() => text(el, 'value') === '1,2 Mio. €', `value stayed ${text(el, 'value')}`);
  });

  it('follows the nearest lang when it has no locale', async () => {
    registerSource('crm', staticSource({ revenue: [{ value: 1234.5 }] }));
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de-DE"><crm-kpi source="crm" metric="revenue"></crm-kpi></div>`);
    const el = wrap.querySelector('crm-kpi')!;
    await ready(el);
    expect(text(el, 'value')).to.equal('1.235');
  });

  it('reads another value field, and mapFrame can reshape any frame', async () => {
    const source = staticSource({ revenue: [{ amount: 42, value: 1 }], odd: [{ total: '99', before: 90 }] });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" value-field="amount" .source=${source}></crm-kpi>`);
    await ready(el);
    expect(text(el, 'value')).to.equal('42');
    const mapped = await fixture<CrmKpi>(html`<crm-kpi
      metric="odd"
      .source=${source}
      .mapFrame=${(f: { rows: ReadonlyArray<Record<string, unknown>>; asOf: number }) => frame(f.rows.map((r) => ({ value: Number(r.total), previous: r.before as number })), f.asOf)}
    ></crm-kpi>`);
    await ready(mapped);
    expect(text(mapped, 'value')).to.equal('99');
    expect(text(mapped, 'delta')).to.contain('+10%');
  });

  it('renders CRM strings as text, never as markup', async () => {
    const source = new ManualSource(frame([{ value: 5 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="m" label="<img src=x onerror=alert(1)>" .source=${source}></crm-kpi>`);
    await ready(el);
    expect(text(el, 'label')).to.equal('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('dark theme passes axe with its own colours', async () => {
    const source = staticSource({ revenue: [{ value: 10, previous: 12, target: 20 }] });
    const el = await fixture<CrmKpi>(html`<div style="background:#0f141b;padding:8px"><crm-kpi theme="dark" metric="revenue" thresholds="0:Low,15:High" .source=${source}></crm-kpi></div>`);
    const kpi = el.querySelector('crm-kpi')!;
    await ready(kpi);
    expect(getComputedStyle(part(kpi, 'base')!).backgroundColor).to.equal('rgb(24, 32, 43)');
    await expect(el).to.be.accessible();
  });

  it('theme="auto" follows the colour scheme; light and dark stay as set', async () => {
    const source = staticSource({ revenue: [{ value: 10 }] });
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <crm-kpi theme="auto" metric="revenue" .source=${source}></crm-kpi>
      <crm-kpi theme="light" metric="revenue" .source=${source}></crm-kpi>
    </div>`);
    const [auto, light] = [...wrap.querySelectorAll('crm-kpi')];
    await ready(auto!);
    await ready(light!);
    const surface = (el: CrmKpi) => getComputedStyle(part(el, 'base')!).backgroundColor;
    try {
      await emulateMedia({ colorScheme: 'dark' });
      expect(surface(auto!)).to.equal('rgb(24, 32, 43)');
      expect(surface(light!)).to.equal('rgb(255, 255, 255)');
      await emulateMedia({ colorScheme: 'light' });
      expect(surface(auto!)).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('prefers-reduced-motion turns transitions off', async () => {
    const source = staticSource({ revenue: [{ value: 750, target: 1000 }] });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" .source=${source}></crm-kpi>`);
    await ready(el);
    const fill = part(el, 'target')!.querySelector('.bar-fill')!;
    expect(getComputedStyle(fill).transitionDuration).to.equal('0.1s');
    try {
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(fill).transitionDuration).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
