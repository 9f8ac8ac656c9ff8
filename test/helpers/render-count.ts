import { frames } from './sources.js';

/** Counts the widget's renders from now on: read the returned function for the count so far. */
export function countRenders(el: { render(): unknown }): () => number {
  let renders = 0;
  const render = el.render.bind(el);
  el.render = () => {
    renders++;
    return render();
  };
  return () => renders;
}

/**
 * Emits `count` data frames a few microtasks apart, as a socket delivers them (far faster than
 * animation frames), waits three frames, and returns how often the widget rendered meanwhile:
 * without coalescing, every frame would render.
 */
export async function rendersDuringBurst(el: { render(): unknown }, emit: (i: number) => void, count = 100): Promise<number> {
  const renders = countRenders(el);
  for (let i = 1; i <= count; i++) {
    emit(i);
    for (let j = 0; j < 5; j++) await Promise.resolve();
  }
  await frames(3);
  return renders();
}
