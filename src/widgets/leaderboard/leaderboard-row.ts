import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { barFillStyle } from '../shared/bar-fill.js';
import { inlineStyle } from '../shared/inline-style.js';
import { countTo } from './count-to.js';
import type { RowView } from './leaderboard-view.js';

export interface RowTemplateOptions {
  /** The row that takes Tab focus (roving tabindex). */
  tabbable: boolean;
  /** The word on the highlighted row's tag ("You"). */
  you: string;
  formatValue: (value: number | null) => string;
  /** How long the value counts to a new number; 0 jumps. */
  countMs: number;
  /** The picture to show, or null for initials (none, or it failed to load). */
  avatar: string | null;
  /** Called with the `<img>`'s error event, so the row can fall back to initials. */
  onAvatarError: (event: Event) => void;
}

/** One agent's row: rank, avatar, name and bar, value, rank-change badge — four table cells. */
export function rowTemplate(r: RowView, o: RowTemplateOptions) {
  const badge = r.badge;
  return html`<div
    class=${`row${r.highlighted ? ' highlighted' : ''}${badge !== null ? ' moved' : ''}`}
    part=${r.highlighted ? 'row highlight' : 'row'}
    role="row"
    data-key=${r.key}
    tabindex=${o.tabbable ? '0' : '-1'}
    aria-current=${r.highlighted ? 'true' : nothing}
  >
    <span class="rank" part="rank" role="cell"><span aria-hidden="true">${r.rankText}</span><span class="sr-only">${r.rankWords}</span></span>
    <span class="agent" role="cell">
      <span class="avatar" part="avatar" aria-hidden="true">
        <span class="initials">${r.initials}</span>
        ${o.avatar ? html`<img src=${o.avatar} alt="" loading="lazy" decoding="async" @error=${o.onAvatarError} />` : nothing}
      </span>
      <span class="who">
        <span class="name-line">
          <span class="name" part="name">${r.name}</span>
          ${r.highlighted ? html`<span class="you" part="you">${o.you}</span>` : nothing}
        </span>
        <span class="bar" part="bar" aria-hidden="true"><span class="bar-fill" ${inlineStyle(barFillStyle(r.share))}></span></span>
      </span>
    </span>
    <span class="value" part="value" role="cell">${countTo(r.agent.value, o.formatValue, o.countMs)}</span>
    <span class="change" part="change" role="cell">
      ${badge
        ? // A new badge is a new element: one that replaces a fading badge starts fully visible.
          keyed(
            badge.id,
            html`<span class=${`badge ${badge.tone}${badge.fading ? ' fading' : ''}`}><span aria-hidden="true">${badge.text}</span><span class="sr-only">${badge.words}</span></span>`,
          )
        : nothing}
    </span>
  </div>`;
}
