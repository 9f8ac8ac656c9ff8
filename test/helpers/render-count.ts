import { frames } from './sources.js';

/**
 * Emits `count` data frames a few microtasks apart, as a socket delivers them (far faster than
 * animation frames), waits three frames, and returns how often the widget rendered meanwhile:
 * without coalescing, every frame would render.
 */
export async function rendersDuringBurst(el: { render(): unknown }, emit: (i: number) => void, count = 100): Promise<number> {
  let renders = 0;
  const render = el.render.bind(el);
  el.render = () => {
    renders++;
    return render();
  };
  for (let i = 1; i <= count; i++) {
    emit(i);
    for (let j = 0; j < 5; j++) await Promise.resolve();
  }
  await frames(3);
  return renders;
}
