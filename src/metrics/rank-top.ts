/** The rows a leaderboard shows: the top of the ranking, and a pinned row below it. */
export interface TopRows<T> {
  top: T[];
  /** The highlighted entry when it ranks below the top rows; null when it is among them or absent. */
  pinned: T | null;
}

/**
 * The first `limit` entries of a ranking, and the `highlight`ed one pinned below them (keeping its
 * real rank) when it is outside the top: "you are here" stays on screen whatever the limit.
 * A limit that is not a positive number shows every entry.
 *
 * @example
 * topWithPinned(ranked, 3, 'a04') // → { top: [1st, 2nd, 3rd], pinned: a04 }
 */
export function topWithPinned<T extends { item: { key: string } }>(ranked: readonly T[], limit: number, highlight: string | null | undefined): TopRows<T> {
  const count = Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : ranked.length;
  const top = ranked.slice(0, count);
  if (!highlight || top.some((r) => r.item.key === highlight)) return { top, pinned: null };
  return { top, pinned: ranked.find((r) => r.item.key === highlight) ?? null };
}
