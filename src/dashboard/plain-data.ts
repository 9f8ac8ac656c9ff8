/** Deeper than this, a dashboard config is not data a person wrote; the rest is left out. */
const MAX_DEPTH = 32;

/** Values copied at most: a hostile config (a huge sparse array, a shared tree) stays cheap to read. */
const MAX_VALUES = 500_000;

/** A JSON-safe copy of a value and, in words, what the copy had to leave out. */
export interface PlainCopy {
  value: unknown;
  /** What was left out ("functions", "a value that refers to itself"…), each reason once. */
  dropped: string[];
}

/**
 * Copies a value into plain JSON data: objects, arrays, strings, finite numbers, booleans, null.
 * Never throws. What JSON cannot hold is left out the way `JSON.stringify` leaves it out (a
 * property disappears, an array item becomes null): functions, symbols, bigints, undefined, NaN
 * and ±Infinity, cycles, class instances (a valid Date becomes its ISO string), getters that
 * throw, and `__proto__` keys, which on a plain object would change its prototype.
 *
 * @example
 * const { value, dropped } = toPlainData({ title: 'Sales', onclick() {} });
 * // value: { title: 'Sales' }, dropped: ['functions']
 */
export function toPlainData(input: unknown): PlainCopy {
  const dropped = new Set<string>();
  const ancestors = new Set<object>();
  let budget = MAX_VALUES;
  const NONE = Symbol();

  const copy = (value: unknown, depth: number): unknown => {
    if (--budget < 0) return tooLarge(NONE);
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        return Number.isFinite(value) ? value : (dropped.add('numbers that are not finite'), NONE);
      case 'undefined':
        return NONE;
      case 'object':
        break;
      default:
        return dropped.add(typeof value === 'function' ? 'functions' : `${typeof value} values`), NONE;
    }
    if (value === null) return null;
    if (ancestors.has(value)) return dropped.add('a value that refers to itself'), NONE;
    if (depth >= MAX_DEPTH) return dropped.add('values nested too deeply'), NONE;
    ancestors.add(value);
    try {
      if (Array.isArray(value)) return copyArray(value, depth);
      const proto = Object.getPrototypeOf(value);
      if (proto === Object.prototype || proto === null) return copyObject(value as Record<string, unknown>, depth);
      if (value instanceof Date && Number.isFinite(value.getTime())) return value.toISOString();
      dropped.add('values that are not plain data (dates, maps, class instances)');
      return NONE;
    } catch {
      dropped.add('a value that could not be read');
      return NONE;
    } finally {
      ancestors.delete(value);
    }
  };

  const copyArray = (items: unknown[], depth: number): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < items.length; i++) {
      if (budget <= 0) return tooLarge(out);
      const item = read(items, i, depth);
      out.push(item === NONE ? null : item);
    }
    return out;
  };

  const copyObject = (object: Record<string, unknown>, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(object)) {
      if (budget <= 0) return tooLarge(out);
      if (key === '__proto__') {
        dropped.add('a “__proto__” key');
        continue;
      }
      const item = read(object, key, depth);
      if (item !== NONE) out[key] = item;
    }
    return out;
  };

  const tooLarge = <T>(partial: T): T => (dropped.add('values beyond the size a dashboard can hold'), partial);

  // A getter or a proxy trap may throw; one unreadable value must not lose the rest.
  const read = (holder: object, key: string | number, depth: number): unknown => {
    let value: unknown;
    try {
      value = (holder as Record<string | number, unknown>)[key];
    } catch {
      dropped.add('a value that could not be read');
      return NONE;
    }
    return copy(value, depth + 1);
  };

  let value: unknown;
  try {
    value = copy(input, 0);
  } catch {
    // Only a hostile proxy gets here (a trap that throws where no read was expected).
    dropped.add('a value that could not be read');
    value = NONE;
  }
  return { value: value === NONE ? undefined : value, dropped: [...dropped] };
}
