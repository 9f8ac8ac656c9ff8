/**
 * Milliseconds of widget updates one animation frame may run before the rest wait for the next
 * frame. The browser still has to style, lay out and paint what the updates changed, and the
 * host page has its own work: a frame is 16.7 ms at 60 Hz.
 */
export const FRAME_BUDGET_MS = 8;

/**
 * Milliseconds of first renders one animation frame may run. A page that opens a dashboard waits
 * for all of its tiles: spread at the budget of live updates, 24 tiles took seven frames, each of
 * which styled, laid out and painted the whole page again, and the dashboard appeared tile by
 * tile. First renders have this larger allowance, so a dashboard appears in one frame (one long
 * task instead of several frames that were long already, since layout and the charts' drawing
 * at their measured size are not budgeted); only a page that mounts a great many widgets at once
 * still has them spread.
 */
export const FIRST_RENDER_BUDGET_MS = 100;

interface Pending {
  run: () => void;
  /** The update reads layout (positions on screen) before it writes: it runs before the others. */
  readsLayout: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Updates waiting for a frame, oldest first (a Map keeps insertion order). */
const queue = new Map<object, Pending>();
let frameRequested = false;

/**
 * Runs `update` in an animation frame and resolves once it has run. Every widget on the page
 * shares one frame callback: it runs waiting updates in the order they asked until the frame's
 * budget is spent, and leaves the rest first in line for the next frame. A burst of data that
 * reaches many widgets at once is then drawn over a few frames instead of in one long task, and
 * a hidden tab, which gets no frames, runs no updates at all.
 *
 * An owner that has not drawn yet (a Lit element before its first render: `hasUpdated` false)
 * may still render past the frame's budget, within `FIRST_RENDER_BUDGET_MS`.
 *
 * Updates that read layout before they write (`readsLayout`: a leaderboard measuring where its
 * rows are before it moves them) run first in the frame, before the other widgets' writes: after
 * those, every read would take a layout of the whole page to answer.
 *
 * One entry per `owner`: asking again before the frame comes keeps the earlier place in line.
 */
export function inNextFrame(owner: object, update: () => void, readsLayout = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const waiting = queue.get(owner);
    if (waiting) {
      // The earlier promise settles with this one: both wait for the same single update.
      queue.set(owner, { run: update, readsLayout, resolve: both(waiting.resolve, resolve), reject: both(waiting.reject, reject) });
    } else {
      queue.set(owner, { run: update, readsLayout, resolve, reject });
    }
    requestFrame();
  });
}

function requestFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(runFrame);
}

function runFrame(): void {
  frameRequested = false;
  const started = performance.now();
  let ran = false;
  // Readers of layout first (a stable sort: each group keeps its order of asking).
  const owners = [...queue.keys()].sort((a, b) => Number(queue.get(b)!.readsLayout) - Number(queue.get(a)!.readsLayout));
  for (const owner of owners) {
    // What the owner asks for now: an update may have asked again for another owner meanwhile.
    const pending = queue.get(owner);
    if (!pending) continue;
    // At least one update runs per frame, however long it takes, so every widget gets its turn.
    // Past the frame's budget only first renders still run, until theirs is spent too.
    const first = (owner as { hasUpdated?: unknown }).hasUpdated === false;
    if (ran && performance.now() - started >= (first ? FIRST_RENDER_BUDGET_MS : FRAME_BUDGET_MS)) {
      if (first) break;
      continue;
    }
    ran = true;
    queue.delete(owner);
    try {
      pending.run();
      pending.resolve();
    } catch (error) {
      pending.reject(error);
    }
  }
  if (queue.size) requestFrame();
}

function both<A extends unknown[]>(first: (...args: A) => void, second: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    first(...args);
    second(...args);
  };
}
