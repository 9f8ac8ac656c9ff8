import { css } from 'lit';

/** The dark theme's defaults; a page's own `--crm-*` values still win. */
const darkTokens = css`
    --_text: var(--crm-color-text, #e8edf3);
    --_muted: var(--crm-color-muted, #a3afbf);
    --_surface: var(--crm-color-surface, #18202b);
    --_border: var(--crm-color-border, #2c3746);
    --_accent: var(--crm-color-accent, #6fa3ff);
    --_good: var(--crm-color-good, #4cc38a);
    --_bad: var(--crm-color-bad, #ff7b72);
    --_warning: var(--crm-color-warning, #e3b341);
    --_track: var(--crm-color-track, #2c3746);
    --_focus: var(--crm-color-focus, #8ab4ff);
`;

/**
 * The theme every widget builds on. Public tokens (`--crm-*`) can be set anywhere above a widget;
 * each maps onto a private `--_x` with a light default, and `theme="dark"` (or `theme="auto"` under
 * a dark colour scheme) swaps the defaults. The styles read `crm-theme`, the theme in use: the
 * widget's own `theme`, else its dashboard's (set by `CrmMetricElement`).
 */
export const tokenStyles = css`
  :host {
    --_font: var(--crm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--crm-color-text, #1c2430);
    --_muted: var(--crm-color-muted, #5b6675);
    --_surface: var(--crm-color-surface, #ffffff);
    --_border: var(--crm-color-border, #dfe3e8);
    --_accent: var(--crm-color-accent, #2f6fde);
    --_good: var(--crm-color-good, #137a3e);
    --_bad: var(--crm-color-bad, #c0322b);
    --_warning: var(--crm-color-warning, #9a6100);
    --_track: var(--crm-color-track, #e9edf2);
    --_focus: var(--crm-color-focus, #2f6fde);
    --_radius: var(--crm-radius, 10px);
    --_space: var(--crm-space, 16px);
    --_value-size: var(--crm-font-size-value, 2rem);
    --_label-size: var(--crm-font-size-label, 0.875rem);
    --_motion: var(--crm-motion-duration, 100ms);

    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    color: var(--_text);
    contain: content;
  }

  :host([crm-theme='dark']) {
    ${darkTokens}
  }

  @media (prefers-color-scheme: dark) {
    :host([crm-theme='auto']) {
      ${darkTokens}
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_motion: 0ms;
    }
  }

  :host([hidden]) {
    display: none;
  }

  /* The card every widget sits in, with its heading row; widgets add what is their own. */
  .tile {
    display: flex;
    flex-direction: column;
    gap: 8px;
    height: 100%;
    box-sizing: border-box;
    padding: var(--_space);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    min-width: 0;
  }

  .label {
    margin: 0;
    font-size: var(--_label-size);
    font-weight: 600;
    color: var(--_muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* Loading, error and empty views: the same place in every widget — the whole body under the
     heading, content centred top to bottom and starting at the left. */
  .state-view {
    display: flex;
    flex: 1 0 auto;
    flex-direction: column;
    align-items: flex-start;
    justify-content: center;
    gap: 8px;
    min-height: 6rem;
    color: var(--_muted);
    font-size: var(--_label-size);
  }

  .skeleton {
    display: block;
    border-radius: 4px;
    background: var(--_track);
    animation: pulse 1.4s ease-in-out infinite;
  }

  .skeleton-short {
    width: 40%;
    height: 0.9rem;
  }

  .skeleton-long {
    width: 75%;
    height: 2rem;
  }

  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }

  .retry {
    font: inherit;
    color: var(--_accent);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 6px;
    padding: 4px 12px;
    cursor: pointer;
  }

  .retry:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .error-detail {
    font-size: 0.75rem;
    overflow-wrap: anywhere;
  }

  .stale-note {
    font-size: 0.75rem;
    color: var(--_warning);
  }

  .stale-retry {
    margin-left: 8px;
    padding: 0 8px;
    font-size: inherit;
  }
`;
