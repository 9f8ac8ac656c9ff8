import type { Ranked } from '../../metrics/ranking.js';
import { type RankBadge, badgeFading } from '../../metrics/rank-badges.js';
import { topWithPinned } from '../../metrics/rank-top.js';
import { leaderShare } from '../../metrics/leaderboard-bar.js';
import { numberFormat } from '../../format/number-format.js';
import { avatarUrl, initials } from './avatar.js';
import type { LeaderboardMessages } from './leaderboard-messages.js';
import type { Agent } from './leaderboard-model.js';

/** One row as it is written: the template only places these. */
export interface RowView {
  key: string;
  agent: Agent;
  /** "3", "2=" or "—". */
  rankText: string;
  /** The rank for screen readers: "2, tied". */
  rankWords: string;
  name: string;
  initials: string;
  /** A loadable avatar URL, or null: initials then, and no request. */
  avatar: string | null;
  /** 0…1 of the leader's bar. */
  share: number;
  highlighted: boolean;
  badge: { id: string; tone: 'up' | 'down' | 'new'; text: string; words: string; fading: boolean } | null;
}

export interface LeaderboardView {
  top: RowView[];
  pinned: RowView | null;
  /** "Top 10 of 12" when the list is cut; null when every entry shows. */
  countText: string | null;
}

export interface LeaderboardViewOptions {
  limit: number;
  /** Now and how long badges show, in the badges' clock: to tell which are fading. */
  now: number;
  badgeMs: number;
  highlight: string | null;
  order: 'desc' | 'asc';
  locale: string;
  messages: LeaderboardMessages;
}

/** What a leaderboard shows of a ranking: only the rows on screen are turned into views. */
export function leaderboardView(ranked: readonly Ranked<Agent>[], badges: ReadonlyMap<string, RankBadge>, o: LeaderboardViewOptions): LeaderboardView {
  const { top, pinned } = topWithPinned(ranked, o.limit, o.highlight);
  const leader = ranked[0]?.rank === null ? null : (ranked[0]?.item.value ?? null);
  const whole = numberFormat(o.locale, { maximumFractionDigits: 0 });
  const m = o.messages;

  const row = (r: Ranked<Agent>): RowView => {
    const { item } = r;
    const rank = r.rank === null ? '—' : whole.format(r.rank);
    const name = item.name || m.unnamed;
    const badge = badges.get(item.key);
    return {
      key: item.key,
      agent: item,
      rankText: r.tied ? `${rank}=` : rank,
      rankWords: r.tied ? m.tied(rank) : rank,
      name,
      initials: initials(item.name, o.locale),
      avatar: avatarUrl(item.avatar),
      share: leaderShare(item.value, leader, o.order),
      highlighted: item.key === o.highlight,
      badge: badge ? badgeView(badge, m, whole, badgeFading(badge, o.now, o.badgeMs)) : null,
    };
  };
  return {
    top: top.map(row),
    pinned: pinned && row(pinned),
    countText: top.length < ranked.length ? m.topOf(whole.format(top.length), whole.format(ranked.length)) : null,
  };
}

function badgeView(badge: RankBadge, m: LeaderboardMessages, whole: Intl.NumberFormat, fading: boolean): NonNullable<RowView['badge']> {
  const id = String(badge.since);
  if (badge.change === 'new') return { id, fading, tone: 'new', text: m.newBadge, words: m.newWords };
  const places = Math.abs(badge.change);
  return badge.change > 0
    ? { id, fading, tone: 'up', text: `▲${whole.format(places)}`, words: m.up(places) }
    : { id, fading, tone: 'down', text: `▼${whole.format(places)}`, words: m.down(places) };
}

/**
 * What changed for the agents people care about: the highlighted one and the top three. Said
 * politely after a re-ranking; empty when none of them moved.
 */
export function rankAnnouncement(ranked: readonly Ranked<Agent>[], highlight: string | null, m: LeaderboardMessages, locale: string): string {
  const whole = numberFormat(locale, { maximumFractionDigits: 0 });
  const watched = ranked.slice(0, 3);
  const you = highlight ? ranked.find((r) => r.item.key === highlight) : undefined;
  if (you && !watched.includes(you)) watched.push(you);
  const sentences: string[] = [];
  for (const { item, rank, change } of watched) {
    if (change === null || change === 0 || rank === null) continue;
    const name = item.name || m.unnamed;
    const place = whole.format(rank);
    if (change === 'new') sentences.push(m.entered(name, place));
    else sentences.push(m.moved(name, place, change > 0 ? m.up(change) : m.down(-change)));
  }
  return sentences.join('. ');
}
