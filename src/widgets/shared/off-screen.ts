/** Widgets the observer last saw outside the viewport (clipped scroll containers included). */
const offScreen = new WeakSet<Element>();

/** One observer for the page; none without IntersectionObserver, where widgets count as on screen. */
const observer =
  typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
        for (const entry of entries) offScreen[entry.isIntersecting ? 'delete' : 'add'](entry.target);
      })
    : null;

/** Follows whether `element` is on screen (`false` stops); it counts as on screen until the first report. */
export function watchOnScreen(element: Element, watch: boolean): void {
  offScreen.delete(element);
  if (watch) observer?.observe(element);
  else observer?.unobserve(element);
}

/** Whether `element` was last seen outside the viewport. */
export const isOffScreen = (element: Element): boolean => offScreen.has(element);
