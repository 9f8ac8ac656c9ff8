import { noChange } from 'lit';
import { AsyncDirective, type PartInfo, PartType, directive } from 'lit/async-directive.js';

type Format = (value: number | null) => string;

/** Every running count shares one animation-frame loop: fifty rows cost one callback per frame. */
const running = new Set<CountToDirective>();
let loop = 0;
function tick(now: number): void {
  for (const count of running) count.step(now);
  loop = running.size ? requestAnimationFrame(tick) : 0;
}

const easeOut = (t: number) => 1 - (1 - t) ** 3;

/** Digits after the point, so a count between whole numbers shows whole numbers. */
const decimals = (n: number) => (Number.isInteger(n) ? 0 : (String(n).split('.')[1]?.length ?? 0));

/**
 * Writes a formatted number into a text position and, when it changes, counts from the value on
 * screen to the new one over `duration` ms (0: jumps, as under reduced motion). Only this text
 * changes on each animation frame; the host does not re-render.
 *
 * @example
 * html`<span>${countTo(agent.value, (v) => formatValue(v, fmt), 400)}</span>`
 */
class CountToDirective extends AsyncDirective {
  #shown: number | null = null;
  #target: number | null = null;
  #from = 0;
  #startedAt = 0;
  #duration = 0;
  #format: Format = String;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('countTo() goes in text position');
  }

  render(value: number | null, format: Format, _duration: number): string {
    return format(value);
  }

  override update(_part: unknown, [value, format, duration]: [number | null, Format, number]): string | typeof noChange {
    this.#format = format;
    if (value === this.#target && running.has(this)) return noChange;
    if (value === null || this.#shown === null || duration <= 0 || !this.isConnected || value === this.#shown) return this.#jump(value);
    this.#from = this.#shown;
    this.#target = value;
    this.#startedAt = performance.now();
    this.#duration = duration;
    running.add(this);
    loop ||= requestAnimationFrame(tick);
    return format(this.#shown);
  }

  /** One animation frame of the count. */
  step(now: number): void {
    const t = Math.min(1, (now - this.#startedAt) / this.#duration);
    const to = this.#target!;
    const places = Math.max(decimals(this.#from), decimals(to));
    this.#shown = t >= 1 ? to : Number((this.#from + (to - this.#from) * easeOut(t)).toFixed(places));
    if (t >= 1) running.delete(this);
    this.setValue(this.#format(this.#shown));
  }

  protected override disconnected(): void {
    running.delete(this);
    this.#shown = this.#target;
  }

  #jump(value: number | null): string {
    running.delete(this);
    this.#shown = this.#target = value;
    return this.#format(value);
  }
}

export const countTo = directive(CountToDirective);
