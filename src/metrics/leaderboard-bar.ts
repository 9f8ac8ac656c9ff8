/**
 * How far an entry's bar reaches (0…1), measured against the leader, whose bar is full. With
 * `desc` (more is better) it is `value / leader`; with `asc` (less is better: handle time) it is
 * `leader / value`, so an agent taking twice the leader's time shows half a bar. Values that give
 * no sensible ratio (missing, negative, a leader of 0) give an empty bar, except the leader's own.
 *
 * @example
 * leaderShare(15, 20, 'desc') // 0.75
 * leaderShare(400, 200, 'asc') // 0.5
 */
export function leaderShare(value: number | null, leader: number | null, order: 'desc' | 'asc' = 'desc'): number {
  if (value === null || leader === null || !Number.isFinite(value) || !Number.isFinite(leader)) return 0;
  if (value === leader) return leader === 0 && order === 'desc' ? 0 : 1;
  const ratio = order === 'asc' ? leader / value : value / leader;
  return value > 0 && leader > 0 && Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 0;
}
