import { CrmLeaderboard } from './crm-leaderboard.js';

/** Defines `<crm-leaderboard>` once; a second copy of the library on the page reuses the first definition. */
if (!customElements.get('crm-leaderboard')) customElements.define('crm-leaderboard', CrmLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    'crm-leaderboard': CrmLeaderboard;
  }
}

export { CrmLeaderboard };
