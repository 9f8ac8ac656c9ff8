import type { DashboardConfig } from './dashboard-config.js';

/**
 * `storage-key`: the config in localStorage, for pages without a backend. What was saved is read
 * once per key (then the dashboard keeps its own copy); storage that is full, disabled or holds
 * something unreadable is skipped with a warning, never an error.
 */
export class ConfigStore {
  #key: string | undefined;
  #loaded: string | undefined;

  /** The saved config's text for `key`, read again only when the key changed; undefined without one. */
  load(key: string | undefined, keyChanged: boolean): string | undefined {
    if (!key) return (this.#key = this.#loaded = undefined);
    if (key === this.#key && !keyChanged) return this.#loaded;
    this.#key = key;
    try {
      this.#loaded = localStorage.getItem(key) ?? undefined;
    } catch (error) {
      console.warn('crm-pulse: could not read the saved dashboard', error);
      this.#loaded = undefined;
    }
    return this.#loaded;
  }

  /** Saves the config under `key`; returns the saved text (what `load` gives from now on), or undefined. */
  save(key: string | undefined, config: DashboardConfig): string | undefined {
    if (!key) return undefined;
    const text = JSON.stringify(config);
    try {
      localStorage.setItem(key, text);
    } catch (error) {
      console.warn('crm-pulse: could not save the dashboard', error);
    }
    this.#key = key;
    return (this.#loaded = text);
  }

  /** Forgets the saved config (Reset layout). */
  clear(key: string | undefined): void {
    if (!key) return;
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing saved that could be read anyway.
    }
    this.#loaded = undefined;
  }
}
