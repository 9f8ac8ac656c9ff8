import { Observable } from 'rxjs';
import type { FrameValue, MetricFrame, MetricQuery, MetricSource } from '../../src/data/types.js';
import type { CrmDashboard } from '../../src/dashboard.js';

type Rows = ReadonlyArray<Record<string, FrameValue>>;

/**
 * A live source that answers each metric from a function of the query (so filters change the
 * numbers), keeps every subscription open like a real push source, and records what it was asked:
 * every query, and how many upstream subscriptions are open now.
 */
export class RecordingSource implements MetricSource {
  readonly queries: MetricQuery[] = [];
  active = 0;

  constructor(private readonly answer: (q: MetricQuery) => Rows) {}

  query(q: MetricQuery): Observable<MetricFrame> {
    return new Observable<MetricFrame>((subscriber) => {
      this.queries.push(q);
      this.active++;
      subscriber.next({ rows: this.answer(q), asOf: Date.now() });
      return () => this.active--;
    });
  }

  /** The queries for one metric, in order. */
  asked(metric: string): MetricQuery[] {
    return this.queries.filter((q) => q.metric === metric);
  }
}

/** Numbers that depend on the filters: a region or a stage halves them, so a test can read the change. */
export function crmAnswer(q: MetricQuery): Rows {
  const factor = Object.keys(q.filters ?? {}).length ? 0.5 : 1;
  switch (q.metric) {
    case 'revenue':
      return [{ value: 1000 * factor }];
    case 'funnel':
      return [
        { stage: 'Lead', value: 400 * factor },
        { stage: 'Proposal', value: 100 * factor },
        { stage: 'Won', value: 40 * factor },
      ];
    case 'agents':
      return [
        { id: 'a1', name: 'Ana', value: 30 * factor },
        { id: 'a2', name: 'Ben', value: 20 * factor },
      ];
    case 'funnel_records':
      return [
        { id: 'o1', name: 'Acme renewal', stage: 'Proposal', amount: 1200 },
        { id: 'o2', name: '<b>Globex</b>', stage: 'Proposal', amount: 800 },
      ];
    default:
      return [];
  }
}

export const shadow = (el: Element) => el.shadowRoot!;

/** The widget elements a dashboard placed (its own shadow root) and its plain children. */
export function widgetsOf(dashboard: CrmDashboard): HTMLElement[] {
  return [...shadow(dashboard).querySelectorAll<HTMLElement>('[data-widget-id]'), ...[...dashboard.children].filter((c): c is HTMLElement => c.localName.startsWith('crm-'))];
}

export function widget<T extends HTMLElement = HTMLElement>(dashboard: CrmDashboard, id: string): T {
  const el = shadow(dashboard).querySelector<T>(`[data-widget-id="${id}"]`);
  if (!el) throw new Error(`no widget ${id}`);
  return el;
}

export const chips = (dashboard: CrmDashboard) => [...shadow(dashboard).querySelectorAll('[part~="chip"] .chip-text')].map((c) => c.textContent!.trim());
