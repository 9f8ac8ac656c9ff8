/**
 * The style of a bar's fill drawn at `share` of the bar's length (`transform: scaleX()`, which the
 * theme transitions), written to a thousandth: under half a pixel on bars up to 500 px wide, so a
 * change nobody can see writes the same style, starts no transition and keeps no frame busy. The
 * KPI's progress bar and the leaderboard's value bars.
 */
export function barFillStyle(share: number): Record<string, string> {
  return { transform: `scaleX(${Math.round(share * 1000) / 1000})` };
}
