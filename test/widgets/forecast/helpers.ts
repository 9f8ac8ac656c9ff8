import { fixture, html } from '@open-wc/testing';
import { staticSource } from '../../../src/data/index.js';
import type { CrmForecast } from '../../../src/forecast.js';
import '../../../src/forecast.js';
import type { Row } from '../../helpers/sources.js';
import { all, drawn, num } from '../funnel/chart-helpers.js';

/** The known case of the issue: closed 600K, commit 250K, best case 150K, pipeline 400K, quota 1M. */
export const direct: Row[] = [
  { channel: 'direct', category: 'closed', value: 600_000, quota: 1_000_000 },
  { channel: 'direct', category: 'commit', value: 250_000 },
  { channel: 'direct', category: 'best_case', value: 150_000 },
  { channel: 'direct', category: 'pipeline', value: 400_000 },
];
export const partner: Row[] = [
  { channel: 'partner', category: 'closed', value: 100_000, quota: 500_000 },
  { channel: 'partner', category: 'commit', value: 50_000 },
  { channel: 'partner', category: 'best_case', value: 200_000 },
  { channel: 'partner', category: 'pipeline', value: 300_000 },
];

/** A forecast widget on static rows, drawn at its size. */
export async function forecast(rows: Row[], attrs: { locale?: string; quota?: string; amounts?: string; categories?: string; style?: string } = {}) {
  const el = await fixture<CrmForecast>(html`<crm-forecast
    metric="forecast"
    locale=${attrs.locale ?? 'en-US'}
    quota=${attrs.quota ?? ''}
    amounts=${attrs.amounts ?? 'category'}
    categories=${attrs.categories ?? ''}
    style=${attrs.style ?? 'width: 640px; height: 380px'}
    .source=${staticSource({ forecast: rows })}
  ></crm-forecast>`);
  await drawn(el);
  return el;
}

/** A group's segments as drawn: [x, width] per category, by the group's name. */
export const segments = (el: CrmForecast, group: string) =>
  all(el, '.mark')
    .filter((m) => m.dataset.key!.split('\n')[0] === group)
    .map((m) => {
      const seg = m.querySelector('.seg')!;
      return { category: m.dataset.key!.split('\n')[1]!, x: num(seg, 'x'), width: num(seg, 'width') };
    });

/** The text a chart label draws, by its id. */
export const label = (el: CrmForecast, id: string) => el.shadowRoot!.querySelector(`[data-label="${id}"]`)?.textContent?.replace(/[\u00a0\u202f]/g, ' ') ?? null;
