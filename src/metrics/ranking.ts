/** Something to rank: a key that stays the same across frames, a name, and a value (null: unrankable). */
export interface Rankable {
  key: string;
  name: string;
  value: number | null;
}

/** Places moved up since the previous ranking (negative: down), `'new'` for an entry that was not
 * ranked before, null when there is nothing to compare with (the first ranking, or no value). */
export type RankChange = number | 'new' | null;

export interface Ranked<T extends Rankable = Rankable> {
  item: T;
  /** Competition rank (1, 1, 3, …); null for an entry without a usable value, listed last. */
  rank: number | null;
  /** Shares its rank with another entry: shown as "1=". */
  tied: boolean;
  change: RankChange;
}

export interface RankOptions {
  /** `desc`: the highest value leads (revenue); `asc`: the lowest leads (handle time). */
  order?: 'desc' | 'asc';
}

/**
 * Ranks entries by value. Equal values share a rank ("1224" competition ranking), and their order
 * never reshuffles on refresh: tied entries keep the order they had in `previous`, entries new to
 * the ranking follow them, then name and key decide. Entries without a value come last, unranked.
 * `change` compares each entry's rank with its rank in `previous`, by key.
 *
 * @example
 * rank([{ key: 'a', name: 'A', value: 10 }, { key: 'b', name: 'B', value: 20 }], null)
 * // → b rank 1, a rank 2
 */
export function rank<T extends Rankable>(items: readonly T[], previous: readonly Ranked[] | null, options: RankOptions = {}): Ranked<T>[] {
  const direction = options.order === 'asc' ? 1 : -1;
  const before = new Map<string, { position: number; rank: number | null }>();
  previous?.forEach((p, position) => before.set(p.item.key, { position, rank: p.rank }));

  const tieBreak = (a: T, b: T): number => {
    const pa = before.get(a.key);
    const pb = before.get(b.key);
    if (pa && pb) return pa.position - pb.position;
    if (pa || pb) return pa ? -1 : 1;
    return compareText(a.name, b.name) || compareText(a.key, b.key);
  };
  const sorted = [...items].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? tieBreak(a, b) : a.value === null ? 1 : -1;
    return a.value === b.value ? tieBreak(a, b) : (a.value < b.value ? -1 : 1) * direction;
  });

  let groupRank = 0;
  return sorted.map((item, i): Ranked<T> => {
    if (item.value === null) return { item, rank: null, tied: false, change: null };
    const prev = sorted[i - 1];
    if (!prev || prev.value !== item.value) groupRank = i + 1;
    const tied = groupRank < i + 1 || sorted[i + 1]?.value === item.value;
    return { item, rank: groupRank, tied, change: changeOf(item.key, groupRank, before, previous !== null) };
  });
}

function changeOf(key: string, now: number, before: Map<string, { rank: number | null }>, hasPrevious: boolean): RankChange {
  if (!hasPrevious) return null;
  const was = before.get(key);
  return was && was.rank !== null ? was.rank - now : 'new';
}

/** Code-unit order: the same on every machine and in every locale, which a tie-break must be. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
