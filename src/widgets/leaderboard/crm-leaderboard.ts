import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FrameValue, MetricFrame, MetricQuery } from '../../data/types.js';
import { type ValueFormat, formatValue } from '../../format/number-format.js';
import { type RankBadge, nextBadgeChange, rankBadges } from '../../metrics/rank-badges.js';
import { type Ranked, rank } from '../../metrics/ranking.js';
import { resolveFormat } from '../../format/resolve-format.js';
import { metricHeading } from '../../format/metric-heading.js';
import { CrmMetricElement } from '../shared/crm-metric-element.js';
import { type Filters, filterOf } from '../shared/filters.js';
import { inlineStyle } from '../shared/inline-style.js';
import { PoliteAnnouncer } from '../shared/polite-announcer.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { WidthController } from '../shared/width-controller.js';
import { FlipController, cssTimeMs } from './flip-controller.js';
import { type LeaderboardMessages, leaderboardMessagesFor } from './leaderboard-messages.js';
import { type Agent, type LeaderboardModel, leaderboardModel } from './leaderboard-model.js';
import { rowTemplate } from './leaderboard-row.js';
import { type LeaderboardView, type RowView, leaderboardView, rankAnnouncement } from './leaderboard-view.js';
import { leaderboardStyles } from './crm-leaderboard.styles.js';

/**
 * Values count up (or down) to a new number only when data comes at most this often (ms): a
 * number that changes now and then is worth watching change, one that changes every second is
 * read, not watched. Counting rewrites every changed value's text in each animation frame of the
 * motion, and lays the rows out again: 1.6 of the 14 ms of main thread per update of six live
 * boards (`npm run bench -- --kinds leaderboard --rates 6`).
 */
const COUNT_GAP_MS = 3000;

/**
 * Agents ranked by a metric, live: rows glide to their new places when ranks change, values count
 * to their new numbers (or jump, on a stream faster than every 3 s), and a badge says who moved
 * (▲3, ▼1, new). Equal values share a rank ("1=") and keep their order across refreshes; the
 * highlighted agent ("you") stays pinned below the top rows with their real rank.
 *
 * @summary A live leaderboard of agents.
 *
 * @csspart base - The tile.
 * @csspart label - The heading.
 * @csspart count - "Top 10 of 12", when the list is cut.
 * @csspart table - The list of rows (a table for assistive technology).
 * @csspart row - One agent's row; focusable, activates drill-down.
 * @csspart highlight - The highlighted ("you") row, in addition to `row`.
 * @csspart pinned - The group holding the highlighted row when it ranks below the top rows.
 * @csspart rank - The rank ("1", "2=").
 * @csspart avatar - The avatar picture or initials.
 * @csspart name - The agent's name.
 * @csspart you - The "You" tag on the highlighted row.
 * @csspart bar - The value bar's track; its fill is relative to the leader.
 * @csspart value - The value.
 * @csspart change - The rank-change badge's cell.
 * @csspart stale - The note shown while the data is stale: why, and as of when.
 * @csspart stale-reason - Why the data is stale, in words ("Session expired — sign in again").
 * @csspart as-of - When the source last confirmed the data ("as of 10:42").
 * @csspart retry - Retry, after an error that is not retried by itself (401, 403, 404).
 * @csspart loading - The loading skeleton.
 * @csspart error - The error view with its Retry button.
 * @csspart error-reason - What went wrong, in words ("Session expired — sign in again").
 * @csspart empty - The empty view.
 *
 * @cssprop --crm-font-family - Font of the widget.
 * @cssprop --crm-color-text - Main text colour.
 * @cssprop --crm-color-muted - Secondary text colour (ranks, counts).
 * @cssprop --crm-color-surface - Tile background.
 * @cssprop --crm-color-border - Tile border and the line above the pinned row.
 * @cssprop --crm-color-accent - Bars and the highlighted row's marker.
 * @cssprop --crm-color-good - Colour of a move up.
 * @cssprop --crm-color-bad - Colour of a move down.
 * @cssprop --crm-color-warning - Colour of the "not updating" note.
 * @cssprop --crm-color-track - Bar tracks and the initials' background.
 * @cssprop --crm-color-focus - Focus ring.
 * @cssprop --crm-radius - Corner radius.
 * @cssprop --crm-space - Inner padding.
 * @cssprop --crm-font-size-label - Size of the heading and small text.
 * @cssprop --crm-motion-duration - Length of row moves, and of counts to a new value when data comes no more often than every 3 s (default 100ms; shorter when data comes faster than every 750 ms; 0 under reduced motion).
 * @cssprop --crm-leaderboard-highlight - Background of the highlighted row.
 * @cssprop --crm-leaderboard-bar-color - Fill of the value bars (defaults to the accent colour).
 * @cssprop --crm-leaderboard-avatar-size - Diameter of the avatars.
 *
 * @fires crm-drilldown - The user clicked a row or pressed Enter on it; `detail.row` is the agent's row. Cancelable: cancel it to stop a `drill-href` navigation.
 * @fires crm-state - The data state changed (`loading`, `ready`, `stale`, `error`, `empty`).
 */
export class CrmLeaderboard extends CrmMetricElement<LeaderboardModel> {
  static override styles = [tokenStyles, leaderboardStyles];

  /** How values are written: `number`, `currency`, `percent` (ratios) or `duration` (seconds). Defaults to what the source's field unit says. */
  @property() format: ValueFormat | undefined = undefined;

  /** ISO 4217 currency code for `format="currency"`; defaults to the field's unit. */
  @property() currency: string | undefined = undefined;

  /** `desc`: the highest value leads (revenue, tickets); `asc`: the lowest leads (handle time). */
  @property({ reflect: true }) order: 'desc' | 'asc' = 'desc';

  /** How many top rows to show; every agent is still ranked. Not a positive number: all rows. */
  @property({ type: Number }) limit = 10;

  /** The key (id, else name) of the agent to highlight ("you"); pinned below the top rows when outside them. */
  @property() highlight: string | undefined = undefined;

  /** Shows only agents of this team (rows' `team` field); also sent to the source as the `team` filter. */
  @property() team: string | undefined = undefined;

  /** Comma-separated dimensions the query groups by; empty sends none. */
  @property() dimensions = 'agent';

  /** Milliseconds a rank-change badge (▲3, ▼1, new) shows; it fades out over its last second. */
  @property({ type: Number, attribute: 'change-duration' }) changeDuration = 6000;

  /** The row field that identifies an agent across frames (rank changes follow it). */
  @property({ attribute: 'id-field' }) idField = 'id';

  /** The row field with the agent's name. */
  @property({ attribute: 'name-field' }) nameField = 'name';

  /** The row field that holds the value ranked by. */
  @property({ attribute: 'value-field' }) valueField = 'value';

  readonly #width = new WidthController(this);
  readonly #announcer = new PoliteAnnouncer(this);
  protected readonly rowMotion = new FlipController(this, { rows: () => this.#rowElements(), duration: () => this.#motionMs, reorders: () => this.#rowsReorder });
  /** The keys of the rows drawn, in order, and whether this render draws others or another order. */
  #rowKeys = '';
  #rowsReorder = true;
  #ranked: Ranked<Agent>[] | null = null;
  #rankedFrom: LeaderboardModel | null = null;
  #badges: Map<string, RankBadge> = new Map();
  #badgeTimer: ReturnType<typeof setTimeout> | undefined;
  #view: LeaderboardView | null = null;
  #words: LeaderboardMessages = leaderboardMessagesFor('en-US');
  #failedAvatars = new Set<string>();
  /** The row that takes Tab focus (roving tabindex). */
  #activeKey: string | null = null;
  #focusedKey: string | null = null;
  /** How long rows move and values count: the theme's motion, shortened when frames come faster. */
  #motionMs = 0;
  /** How long values count to a new number: as long as rows move, when data comes rarely; else 0. */
  #countMs = 0;
  /**
   * The theme's motion (`--_motion`) in ms; null until it is read, and again after a change that
   * may alter it (reconnected, another theme, the user's reduced-motion setting). Reading a style
   * in an update makes the browser style, and for the container query lay out, the page as it is
   * in the middle of the frame: once, not on every update.
   */
  #themeMotionMs: number | null = null;
  #reducedMotion: MediaQueryList | undefined;
  #formatValue: (value: number | null) => string = String;
  #valueChars = 1;

  protected override query(): MetricQuery | null {
    const q = super.query();
    if (!q) return null;
    const dimensions = this.dimensions.split(',').map((d) => d.trim()).filter(Boolean);
    const filters = { ...q.filters, ...(this.team ? { team: this.team } : {}), ...(this.valueField !== 'value' ? { field: this.valueField } : {}) };
    return { ...q, ...(dimensions.length ? { dimensions } : {}), ...(Object.keys(filters).length ? { filters } : {}) };
  }

  /** An agent's records and other widgets' numbers are the ones the agent owns: `owner`, by id. */
  protected override markFilters(row: Readonly<Record<string, FrameValue>>): Filters {
    return filterOf('owner', row[this.idField] ?? row[this.nameField]);
  }

  protected toModel(frame: MetricFrame): LeaderboardModel | null {
    return leaderboardModel(frame, { id: this.idField, name: this.nameField, value: this.valueField }, this.team);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#themeMotionMs = null;
    this.#reducedMotion ??= matchMedia('(prefers-reduced-motion: reduce)');
    this.#reducedMotion.addEventListener('change', this.#onMotionSetting);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#badgeTimer);
    this.#badgeTimer = undefined;
    this.#reducedMotion?.removeEventListener('change', this.#onMotionSetting);
  }

  #onMotionSetting = () => {
    this.#themeMotionMs = null;
    this.requestUpdate();
  };

  /** Moving rows reads where they are before the render: such updates go first in a frame. */
  protected override readsLayoutToRender(): boolean {
    return (this.#themeMotionMs ?? 0) > 0 && this.motionCap() > 0;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Field names are read as frames arrive: ask again so the current data is read with the new ones.
    if (this.hasUpdated && (changed.has('idField') || changed.has('nameField'))) this.data.retry();
    this.#words = leaderboardMessagesFor(this.resolvedLocale);
    this.#focusedKey = (this.shadowRoot?.activeElement as HTMLElement | null)?.dataset.key ?? null;
    // The focused row is the active one even where no focusin arrived (a page without window focus).
    if (this.#focusedKey) this.#activeKey = this.#focusedKey;
    this.#rerank(changed.has('order'));
    if (changed.has('theme')) this.#themeMotionMs = null;
    const highlight = this.highlight ?? null;
    const view = (this.#view = this.#ranked && leaderboardView(this.#ranked, this.#badges, { limit: this.limit, now: performance.now(), badgeMs: this.#badgeMs, highlight, order: this.#sortOrder, locale: this.resolvedLocale, messages: this.#words }));
    const shown = view ? [...view.top, ...(view.pinned ? [view.pinned] : [])] : [];
    this.#formatValue = this.#valueFormatter(shown.map((r) => r.agent.value));
    if (!shown.some((r) => r.key === this.#activeKey)) this.#activeKey = shown[0]?.key ?? null;
    const rowKeys = shown.map((r) => r.key).join('\n');
    this.#rowsReorder = rowKeys !== this.#rowKeys;
    this.#rowKeys = rowKeys;
    // How long rows move and values count, in script (the bars follow --_move in CSS by themselves).
    // The theme's motion is a style read, and the board's container query makes every style read a
    // layout of the page: it is read when rows are about to be measured anyway (a new order, with
    // motion), and after a change of theme or motion setting. A first render moves nothing.
    const cap = this.motionCap();
    if (this.hasUpdated && (this.#themeMotionMs === null || (this.#rowsReorder && this.readsLayoutToRender()))) this.#themeMotionMs = cssTimeMs(getComputedStyle(this).getPropertyValue('--_motion'));
    this.#motionMs = Math.min(this.#themeMotionMs ?? 0, cap);
    this.#countMs = cap >= COUNT_GAP_MS ? this.#motionMs : 0;
    // Every row's value column gets the width of the longest value, so all bars share one length.
    this.#valueChars = shown.reduce((widest, r) => Math.max(widest, this.#formatValue(r.agent.value).length), 1);
    this.#scheduleBadgeExpiry();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Reordering moves row elements, which drops focus: keep it on the same agent.
    if (this.#focusedKey && !this.shadowRoot!.activeElement) this.#rowFor(this.#activeKey)?.focus({ preventScroll: true });
    const view = this.#view;
    this.showSelection(this.renderRoot.querySelectorAll('.row[data-key]'), (key) => (view ? [...view.top, view.pinned].find((r) => r?.key === key)?.agent.row : null));
  }

  override render() {
    const model = this.data.model;
    const view = this.#view;
    if (!model || !view) return html`<div class="tile" part="base">${this.#renderHeader(null)}${this.renderStateView()}</div>`;
    const m = this.#words;
    return html`
      <div class=${this.data.state === 'stale' ? 'tile stale' : 'tile'} part="base">
        ${this.#renderHeader(view)}
        <div
          class="table"
          part="table"
          role="table"
          aria-labelledby="label"
          ${inlineStyle({ '--_value-width': `${this.#valueChars}ch`, ...this.motionStyle() })}
          @click=${this.#onClick} @keydown=${this.#onKeydown} @focusin=${this.#onFocusin}>
          <div role="rowgroup" class="sr-only">
            <div role="row">
              <span role="columnheader">${m.rank}</span><span role="columnheader">${m.agent}</span>
              <span role="columnheader">${this.#headline()}</span><span role="columnheader">${m.change}</span>
            </div>
          </div>
          <div role="rowgroup" class="rows">${repeat(view.top, (r) => r.key, (r) => this.#renderRow(r))}</div>
          ${view.pinned ? html`<div role="rowgroup" class="pinned" part="pinned">${this.#renderRow(view.pinned)}</div>` : nothing}
        </div>
        ${this.renderStaleNote()}
      </div>
      <div class="sr-only" aria-live="polite">${this.#announcer.text}</div>
    `;
  }

  #renderHeader(view: LeaderboardView | null) {
    return html`<div class="header">
      <span class="label" id="label" part="label">${this.#headline()}</span>
      ${view?.countText ? html`<span class="count" part="count">${view.countText}</span>` : nothing}
    </div>`;
  }

  #renderRow(r: RowView) {
    const avatar = r.avatar && !this.#failedAvatars.has(r.avatar) ? r.avatar : null;
    return rowTemplate(r, {
      tabbable: r.key === this.#activeKey,
      you: this.#words.you,
      formatValue: this.#formatValue,
      countMs: this.#countMs,
      avatar,
      onAvatarError: this.#onAvatarError,
    });
  }

  get #sortOrder(): 'desc' | 'asc' {
    return this.order === 'asc' ? 'asc' : 'desc';
  }

  #headline(): string {
    return this.label || this.data.model?.fieldLabel || metricHeading(this.metric, this.resolvedLocale);
  }

  /** Ranks a new frame against the last one; a changed order starts afresh (no rank changes). */
  #rerank(orderChanged: boolean): void {
    const model = this.data.model;
    const now = performance.now();
    if (!model) {
      this.#ranked = this.#rankedFrom = null;
      this.#badges = new Map();
      return;
    }
    if (model === this.#rankedFrom && !orderChanged) {
      this.#badges = rankBadges(this.#badges, null, now, this.#badgeMs);
      return;
    }
    const fresh = orderChanged || !this.#ranked;
    this.#ranked = rank(model.agents, fresh ? null : this.#ranked, { order: this.#sortOrder });
    this.#rankedFrom = model;
    this.#badges = fresh ? new Map() : rankBadges(this.#badges, this.#ranked, now, this.#badgeMs);
    if (!fresh) {
      const text = rankAnnouncement(this.#ranked, this.highlight ?? null, this.#words, this.resolvedLocale);
      if (text) this.#announcer.announce(text);
    }
  }

  get #badgeMs(): number {
    return Number.isFinite(this.changeDuration) && this.changeDuration > 0 ? this.changeDuration : 6000;
  }

  /** One timer, for the next badge to fade or go: the board re-renders then even if no frame arrives. */
  #scheduleBadgeExpiry(): void {
    clearTimeout(this.#badgeTimer);
    const at = nextBadgeChange(this.#badges, performance.now(), this.#badgeMs);
    this.#badgeTimer = at === null || !this.isConnected ? undefined : setTimeout(() => this.requestUpdate(), Math.max(0, at - performance.now()) + 20);
  }

  /**
   * One notation for every row: in full, unless the tile is narrow and the longest value in full
   * would take more than 7 characters — then every value is compact (1,2 Mio. €), so names keep
   * their room and no row reads "1.8K" beside another's "957".
   */
  #valueFormatter(values: ReadonlyArray<number | null>): (value: number | null) => string {
    const { format, currency } = resolveFormat(this.format, this.data.model?.unit, this.currency);
    const options = { format, currency, locale: this.resolvedLocale };
    const narrow = this.#width.width > 0 && this.#width.width < 420;
    const compact = narrow && values.some((v) => formatValue(v, options).length > 7);
    return (value) => formatValue(value, { ...options, compact });
  }

  /** A picture that fails is not asked for again: the row shows initials from now on. */
  #onAvatarError = (e: Event) => {
    this.#failedAvatars.add((e.target as HTMLImageElement).getAttribute('src') ?? '');
    this.requestUpdate();
  };

  #rowElements(): HTMLElement[] {
    return this.shadowRoot ? [...this.shadowRoot.querySelectorAll<HTMLElement>('.row[data-key]')] : [];
  }

  #rowFor(key: string | null): HTMLElement | undefined {
    return this.#rowElements().find((row) => row.dataset.key === key);
  }

  #rowAt(event: Event): { row: HTMLElement; agent: Agent } | null {
    const row = (event.target as Element).closest<HTMLElement>('.row[data-key]');
    const view = this.#view;
    const r = row && view ? [...view.top, view.pinned].find((v) => v?.key === row.dataset.key) : undefined;
    return row && r ? { row, agent: r.agent } : null;
  }

  #onClick = (e: MouseEvent) => {
    const hit = this.#rowAt(e);
    if (hit) this.drillDown(hit.agent.row, hit.agent.value, e);
  };

  #onFocusin = (e: FocusEvent) => {
    const key = this.#rowAt(e)?.row.dataset.key ?? null;
    if (key && key !== this.#activeKey) {
      this.#activeKey = key;
      this.requestUpdate();
    }
  };

  /** Arrow keys, Home and End move between rows; Enter drills down. */
  #onKeydown = (e: KeyboardEvent) => {
    const hit = this.#rowAt(e);
    if (!hit) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      this.drillDown(hit.agent.row, hit.agent.value, e);
      return;
    }
    const rows = this.#rowElements();
    const i = rows.indexOf(hit.row);
    const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    rows[Math.max(0, Math.min(rows.length - 1, next))]!.focus();
  };
}
