import { type Box, type LabelCandidate, placeLabels } from '../../metrics/label-layout.js';
import type { PlacedText, SceneMetrics } from '../shared/chart-text.js';

/** A place a label could take: the box it covers and the text drawn there. */
export interface LabelOption {
  box: Box;
  text: PlacedText;
}

/**
 * The labels of a scene that compete for room: each is added with its options, best first, and
 * `place` keeps those that fit without overlapping (most important first), as texts to draw.
 */
export function labelSet(m: SceneMetrics) {
  const candidates: LabelCandidate[] = [];
  const texts = new Map<string, PlacedText[]>();
  let chosen = new Map<string, number>();
  return {
    /** One line of text anchored at `x` and centred on `cy`; `width` is measured unless given. */
    at(id: string, text: string, x: number, cy: number, anchor: PlacedText['anchor'], cls: string, width = m.measure(text, false)): LabelOption {
      const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
      return { box: { x: left, y: cy - m.lineHeight / 2, width, height: m.lineHeight }, text: { id, x, y: cy, text, anchor, cls } };
    },
    add(id: string, priority: number, options: LabelOption[]): void {
      texts.set(id, options.map((option) => option.text));
      candidates.push({ id, priority, options: options.map((option) => option.box) });
    },
    place(gap: number, obstacles?: readonly Box[]): PlacedText[] {
      chosen = placeLabels(candidates, { x: 0, y: 0, width: m.width, height: m.height }, gap, obstacles);
      return [...chosen].map(([id, index]) => texts.get(id)![index]!);
    },
    /** Which option each label placed by the last `place` took, by id. */
    chosen: (id: string): number | undefined => chosen.get(id),
  };
}
