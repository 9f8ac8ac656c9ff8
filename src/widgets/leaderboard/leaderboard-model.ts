import type { FrameValue, MetricFrame } from '../../data/types.js';
import type { Rankable } from '../../metrics/ranking.js';
import { toNumber } from '../../metrics/to-number.js';

/** One agent as a leaderboard reads it from a row. */
export interface Agent extends Rankable {
  /** The row's id, else its name, else its position; made unique when ids repeat. */
  key: string;
  /** The name, else the id; '' when the row has neither. */
  name: string;
  value: number | null;
  /** An avatar URL as sent; '' when there is none. */
  avatar: string;
  team: string | null;
  /** The row as the source sent it, for drill-down. */
  row: Readonly<Record<string, FrameValue>>;
}

export interface LeaderboardModel {
  agents: Agent[];
  /** The value field's unit and label from `frame.fields`, if the source described them. */
  unit: string | undefined;
  fieldLabel: string | undefined;
  asOf: number;
}

export interface LeaderboardFields {
  id: string;
  name: string;
  value: string;
}

/**
 * Reads a leaderboard frame: one row per agent. Bad cells never throw: a value that is not a
 * number ranks last as "—", a missing name falls back to the id, and a repeated id gets a
 * suffix so both rows stay visible and trackable. Rows outside `team` (when given) are left out;
 * a frame with no rows left is null, the empty state.
 */
export function leaderboardModel(frame: MetricFrame, fields: LeaderboardFields, team?: string): LeaderboardModel | null {
  const seen = new Map<string, number>();
  const agents: Agent[] = [];
  frame.rows.forEach((row, index) => {
    const teamName = text(row.team);
    if (team && teamName !== team) return;
    const id = text(row[fields.id]);
    const name = text(row[fields.name]) ?? id ?? '';
    const base = id ?? (name || `#${index + 1}`);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    agents.push({
      key: count === 1 ? base : `${base}~${count}`,
      name,
      value: toNumber(row[fields.value]),
      avatar: typeof row.avatar === 'string' ? row.avatar.trim() : '',
      team: teamName,
      row,
    });
  });
  if (agents.length === 0) return null;
  const field = frame.fields?.find((f) => f.name === fields.value);
  return { agents, unit: field?.unit, fieldLabel: field?.label, asOf: typeof frame.asOf === 'number' ? frame.asOf : Date.now() };
}

/** A cell as trimmed text; numbers count (numeric ids), anything else or an empty string is null. */
function text(value: FrameValue | undefined): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
