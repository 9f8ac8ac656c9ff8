import type { WidgetKind } from '../data/types.js';
import { kindOf } from './dashboard-config.js';

/**
 * Each widget's module, loaded the first time a dashboard places one: a page that imports only
 * `crm-pulse/dashboard` pays for the widgets its config uses, not for all six. (A bundle that
 * cannot split, like the single-file build, simply includes them.)
 */
const MODULES: Readonly<Record<WidgetKind, () => Promise<unknown>>> = {
  kpi: () => import('../widgets/kpi/define.js'),
  funnel: () => import('../widgets/funnel/define.js'),
  'campaign-roi': () => import('../widgets/campaign-roi/define.js'),
  leaderboard: () => import('../widgets/leaderboard/define.js'),
  forecast: () => import('../widgets/forecast/define.js'),
  records: () => import('../widgets/records/define.js'),
};

/**
 * `load` run once and its promise kept; a failed load is logged (naming `what`) and run again the
 * next time it is asked for.
 */
export function importOnce(load: () => Promise<unknown>, what: string): () => Promise<unknown> {
  let loading: Promise<unknown> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      console.warn(`crm-pulse: could not load ${what}`, error);
    }));
}

const LOADS = Object.fromEntries(Object.entries(MODULES).map(([kind, load]) => [kind, importOnce(load, `<crm-${kind}>`)])) as Record<WidgetKind, () => Promise<unknown>>;

/** Defines the element of a kind, once; a failed load is logged and tried again next time. */
export function loadWidget(kind: WidgetKind): Promise<unknown> {
  return customElements.get(`crm-${kind}`) ? Promise.resolve() : LOADS[kind]();
}

/** The kind of a `crm-*` element written as a plain child, for loading it; null for other tags. */
export function kindOfTag(tag: string): WidgetKind | null {
  return tag.startsWith('crm-') ? kindOf(tag) : null;
}
