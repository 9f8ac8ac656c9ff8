import { html } from 'lit';
import type { Filters } from '../widgets/shared/filters.js';
import type { DashboardMessages } from './dashboard-messages.js';

/** The records behind a drilled mark, shown in place of the grid. */
export interface RecordsPanel {
  /** The widget drilled from: focus goes back to it. */
  readonly origin: HTMLElement;
  /** The key of the mark focus was on in the widget (`data-key`), to give focus back to it. */
  readonly returnKey?: string | null;
  readonly metric: string;
  /** The mark's filters; the dashboard's own reach the table through its context. */
  readonly filters: Filters;
  readonly label: string;
}

/**
 * The panel: a back button and a `<crm-records>` that takes the dashboard's source, period and
 * filters from its context like every widget, plus the mark's filters as its own. Its own
 * drill-downs (a record) are the host's.
 */
export function renderRecordsPanel(panel: RecordsPanel, m: DashboardMessages, onBack: () => void) {
  return html`<section class="records-panel" part="records-panel" aria-label=${panel.label}>
    <button class="button back" part="back button" type="button" @click=${onBack}><span aria-hidden="true">←</span> ${m.back}</button>
    <crm-records
      .metric=${panel.metric}
      .filters=${panel.filters}
      .label=${panel.label}
    ></crm-records>
  </section>`;
}
