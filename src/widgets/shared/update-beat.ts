/**
 * The page's beat: when widgets that already show data draw new data. A dashboard whose 24 tiles
 * each get data once a second, at moments of their own, used to start a motion in nearly every
 * animation frame, and every frame with anything moving makes the browser restyle, paint and
 * re-layer the page (measured with `npm run bench`: 15 ms of main thread per update at 24
 * updates/s, 36 % busy). On the beat, the updates that arrived since the last one are drawn
 * together and move together, and the frames between beats are idle: 5.4 ms per update, 13 %
 * busy, on the same benchmark.
 *
 * The first update after a quiet period (no beat for the beat's length) is drawn at once and starts a
 * beat; updates that arrive before it ends wait for its end. A page with a single tile that gets
 * data every few seconds draws every update at once; a busy dashboard draws once per beat, the
 * latest data of each tile (what arrived in between is not lost: the newest frame is drawn).
 */

/** The default beat (ms): live numbers a person reads, at most once a second per tile. */
const DEFAULT_BEAT_MS = 1000;
/** Milliseconds between beats; 0 draws every update in the next animation frame. */
let beatMs = DEFAULT_BEAT_MS;
/** Until when (performance.now()) updates wait for the beat's end. */
let beatEndsAt = -Infinity;
const waiting = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Sets the page's beat for live updates: widgets showing data draw new data at most once per
 * `ms` (default 1000), all in the same frame. 0 draws each update as it comes (in the next
 * animation frame): for a page that needs every update at once and has few widgets.
 */
export function setUpdateBeat(ms = DEFAULT_BEAT_MS): void {
  beatMs = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (!beatMs) beat();
}

/** Runs `draw` on the page's beat: at once when the page has been quiet, else when the beat ends. */
export function onBeat(draw: () => void): void {
  const now = performance.now();
  if (timer === undefined && now >= beatEndsAt) {
    beatEndsAt = now + beatMs;
    draw();
    return;
  }
  waiting.add(draw);
  timer ??= setTimeout(beat, beatEndsAt - now);
}

function beat(): void {
  clearTimeout(timer);
  timer = undefined;
  beatEndsAt = performance.now() + beatMs;
  const draws = [...waiting];
  waiting.clear();
  for (const draw of draws) draw();
}
