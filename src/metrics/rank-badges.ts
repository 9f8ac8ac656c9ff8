/** A rank change on show: the net places moved (or `'new'`), and since when (ms, any clock). */
export interface RankBadge {
  change: number | 'new';
  since: number;
}

/**
 * The rank-change badges to show after a new ranking. A badge stays for `holdMs`; a further move
 * while it shows adds to it (▲1 then ▲2 reads ▲3; ▲1 then ▼1 clears it), restarting its time, so
 * a fast-ticking board shows where an agent is heading rather than only the last tick. Entries no
 * longer ranked lose their badge. Without a new ranking (`ranked` null), badges only expire.
 *
 * @example
 * rankBadges(new Map(), [{ item: { key: 'a' }, change: 2 }], 0, 6000) // → a: ▲2 since 0
 */
export function rankBadges(
  badges: ReadonlyMap<string, RankBadge>,
  ranked: ReadonlyArray<{ item: { key: string }; change: number | 'new' | null }> | null,
  now: number,
  holdMs: number,
): Map<string, RankBadge> {
  const next = new Map<string, RankBadge>();
  for (const [key, badge] of badges) if (now - badge.since < holdMs) next.set(key, badge);
  if (!ranked) return next;
  const present = new Set<string>();
  for (const { item, change } of ranked) {
    present.add(item.key);
    if (change === null || change === 0) continue;
    const shown = next.get(item.key);
    if (change === 'new' || shown?.change === 'new') next.set(item.key, { change: 'new', since: now });
    else {
      const net = (shown?.change ?? 0) + change;
      if (net === 0) next.delete(item.key);
      else next.set(item.key, { change: net, since: now });
    }
  }
  for (const key of next.keys()) if (!present.has(key)) next.delete(key);
  return next;
}

/** How long a badge fades out at the end of its time: a second, or a quarter of a short time. */
export const badgeFadeMs = (holdMs: number) => Math.min(1000, holdMs / 4);

/** Whether a badge is in its last moments, fading out. */
export const badgeFading = (badge: RankBadge, now: number, holdMs: number) => now >= badge.since + holdMs - badgeFadeMs(holdMs);

/**
 * The next moment a badge starts fading or goes, after `now`; null when no badge shows. A board
 * re-renders then, so it needs no animation running while badges only sit there.
 */
export function nextBadgeChange(badges: ReadonlyMap<string, RankBadge>, now: number, holdMs: number): number | null {
  let next: number | null = null;
  for (const badge of badges.values()) {
    const fadeAt = badge.since + holdMs - badgeFadeMs(holdMs);
    const at = fadeAt > now ? fadeAt : badge.since + holdMs;
    if (next === null || at < next) next = at;
  }
  return next;
}
