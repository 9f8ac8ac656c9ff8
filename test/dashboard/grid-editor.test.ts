import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement, css } from 'lit';
import type { Cell } from '../../src/dashboard/dashboard-config.js';
import { GridEditor } from '../../src/dashboard/grid-editor.js';
import { gridEditorStyles } from '../../src/dashboard/grid-editor.styles.js';
import { layoutCells } from '../../src/dashboard/grid-layout.js';
import { inlineStyle } from '../../src/widgets/shared/inline-style.js';
import { tokenStyles } from '../../src/widgets/shared/tokens.styles.js';

const COLUMNS = 12;
const ROW = 60;
const GAP = 8;

/** A dashboard in miniature: a 12-column CSS grid of tiles placed from a layout, with the editor on. */
class GridEditorTest extends LitElement {
  static override styles = [
    tokenStyles,
    gridEditorStyles,
    css`
      :host {
        container-type: inline-size;
        padding: 12px;
        background: color-mix(in srgb, var(--_track) 50%, var(--_surface));
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(12, minmax(0, 1fr));
        grid-auto-rows: ${ROW}px;
        gap: ${GAP}px;
        padding: 4px;
        border: 2px solid transparent;
      }
      .tile {
        padding: 12px;
      }
      @container (max-width: 600px) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
        .grid > [data-cell-id] {
          grid-column: 1 / -1 !important;
          grid-row: auto / span var(--rows) !important;
        }
      }
    `,
  ];

  layout: Map<string, Cell> = new Map();
  preview: Map<string, Cell> | null = null;
  labels: Record<string, string> = {};
  commits: Array<{ id: string; layout: Map<string, Cell> }> = [];
  previews: Array<Map<string, Cell> | null> = [];
  removed: string[] = [];

  editor = new GridEditor(this, {
    grid: () => this.renderRoot.querySelector<HTMLElement>('.grid'),
    columns: () => COLUMNS,
    layout: () => this.layout,
    onPreview: (layout) => {
      this.previews.push(layout);
      this.preview = layout;
      this.requestUpdate();
    },
    onCommit: (layout, id) => {
      this.commits.push({ id, layout });
      this.layout = layout;
      this.requestUpdate();
    },
    onRemove: (id) => {
      this.removed.push(id);
      this.layout = new Map([...this.layout].filter(([key]) => key !== id));
      this.requestUpdate();
    },
    label: (id) => this.labels[id] ?? id,
  });

  override render() {
    const shown = this.preview ?? this.layout;
    const order = [...shown].sort(([, a], [, b]) => a.y - b.y || a.x - b.x).map(([id]) => id);
    return html`${this.editor.renderStatus()}
      <div class="grid">
        ${[...shown].map(
          ([id, c]) => html`<div
            class="tile"
            data-cell-id=${id}
            ${inlineStyle({ 'grid-column': `${c.x + 1} / span ${c.w}`, 'grid-row': `${c.y + 1} / span ${c.h}`, order: order.indexOf(id), '--rows': c.h })}
          >
            <div class="label">${this.labels[id] ?? id}</div>
            ${this.editor.renderChrome(id)}
          </div>`,
        )}
      </div>`;
  }
}
customElements.define('grid-editor-test', GridEditorTest);

const START = () =>
  layoutCells(
    [
      { id: 'revenue', cell: { x: 0, y: 0, w: 3, h: 2 }, placed: true },
      { id: 'pipeline', cell: { x: 3, y: 0, w: 3, h: 2 }, placed: true },
      { id: 'funnel', cell: { x: 0, y: 2, w: 6, h: 3 }, placed: true },
    ],
    COLUMNS,
  );

async function mount(width = 1000) {
  const el = await fixture<GridEditorTest>(html`<grid-editor-test></grid-editor-test>`);
  el.style.width = `${width}px`;
  el.labels = { revenue: 'Revenue', pipeline: 'Pipeline', funnel: 'Funnel' };
  el.layout = START();
  el.requestUpdate();
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

const root = (el: GridEditorTest) => el.shadowRoot!;
const tile = (el: GridEditorTest, id: string) => [...root(el).querySelectorAll<HTMLElement>('[data-cell-id]')].find((t) => t.dataset.cellId === id)!;
const handle = (el: GridEditorTest, id: string, which: 'move' | 'resize') => tile(el, id).querySelector<HTMLButtonElement>(`[data-grid-handle="${which}"]`)!;
const removeButton = (el: GridEditorTest, id: string) => tile(el, id).querySelector<HTMLButtonElement>('.grid-remove')!;
const status = (el: GridEditorTest) => root(el).querySelector('[role="status"]')!.textContent!.trim();
const center = (target: Element): [number, number] => {
  const r = target.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};

/** The middle of grid square (column x, row y), in page coordinates, from the grid as rendered. */
function squareCenter(el: GridEditorTest, x: number, y: number): [number, number] {
  const grid = root(el).querySelector<HTMLElement>('.grid')!;
  const style = getComputedStyle(grid);
  const rect = grid.getBoundingClientRect();
  const colWidth = Number.parseFloat(style.gridTemplateColumns.split(' ')[0]!);
  const left = rect.left + grid.clientLeft + Number.parseFloat(style.paddingLeft);
  const top = rect.top + grid.clientTop + Number.parseFloat(style.paddingTop);
  return [Math.round(left + x * (colWidth + GAP) + colWidth / 2), Math.round(top + y * (ROW + GAP) + ROW / 2)];
}

/** The grid square a tile's top left corner is drawn in, read back from its rendered box. */
function drawnCell(el: GridEditorTest, id: string): Cell {
  const grid = root(el).querySelector<HTMLElement>('.grid')!;
  const style = getComputedStyle(grid);
  const colWidth = Number.parseFloat(style.gridTemplateColumns.split(' ')[0]!);
  const g = grid.getBoundingClientRect();
  const left = g.left + grid.clientLeft + Number.parseFloat(style.paddingLeft);
  const top = g.top + grid.clientTop + Number.parseFloat(style.paddingTop);
  const r = tile(el, id).getBoundingClientRect();
  return {
    x: Math.round((r.left - left) / (colWidth + GAP)),
    y: Math.round((r.top - top) / (ROW + GAP)),
    w: Math.round((r.width + GAP) / (colWidth + GAP)),
    h: Math.round((r.height + GAP) / (ROW + GAP)),
  };
}

async function drag(from: [number, number], to: [number, number], steps = 4) {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  for (let i = 1; i <= steps; i++) {
    await sendMouse({ type: 'move', position: [Math.round(from[0] + ((to[0] - from[0]) * i) / steps), Math.round(from[1] + ((to[1] - from[1]) * i) / steps)] });
  }
}

describe('GridEditor', () => {
  afterEach(async () => {
    await resetMouse();
    fixtureCleanup();
  });

  it('a mouse drag on the move handle moves the tile to the grid square under the pointer, with a preview, committed on release', async () => {
    const el = await mount();
    expect(drawnCell(el, 'revenue')).to.deep.equal({ x: 0, y: 0, w: 3, h: 2 });
    // the move handle sits in the tile's top left square, so the grabbed square is the tile's own
    await drag(center(handle(el, 'revenue', 'move')), squareCenter(el, 7, 1));
    await el.updateComplete;
    expect(el.commits).to.have.length(0);
    expect(el.preview!.get('revenue')).to.deep.equal({ x: 7, y: 1, w: 3, h: 2 });
    // the host draws the preview: the tile is already there while the button is held
    expect(drawnCell(el, 'revenue')).to.deep.equal({ x: 7, y: 1, w: 3, h: 2 });
    expect(tile(el, 'revenue').querySelector('.grid-chrome')!.classList.contains('grid-moving')).to.equal(true);

    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.commits).to.have.length(1);
    expect(el.commits[0]!.id).to.equal('revenue');
    expect(el.layout.get('revenue')).to.deep.equal({ x: 7, y: 1, w: 3, h: 2 });
    expect(el.preview).to.equal(null);
    expect(drawnCell(el, 'revenue')).to.deep.equal({ x: 7, y: 1, w: 3, h: 2 });
    expect(status(el)).to.equal('Revenue moved to column 8, row 2');
  });

  it('a drag from the middle of the tile keeps the grabbed square under the pointer', async () => {
    const el = await mount();
    // grab the funnel (6×3 at 0,2) by grid square (2, 3): two right of its corner and one down
    await drag(squareCenter(el, 2, 3), squareCenter(el, 6, 6));
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.layout.get('funnel')).to.deep.equal({ x: 4, y: 5, w: 6, h: 3 });
  });

  it('dropping onto another tile pushes that one down below the dropped one', async () => {
    const el = await mount();
    await drag(center(handle(el, 'funnel', 'move')), squareCenter(el, 2, 0));
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.layout.get('funnel')).to.deep.equal({ x: 2, y: 0, w: 6, h: 3 });
    expect(el.layout.get('revenue')).to.deep.equal({ x: 0, y: 3, w: 3, h: 2 });
    expect(el.layout.get('pipeline')).to.deep.equal({ x: 3, y: 3, w: 3, h: 2 });
    for (const id of ['funnel', 'revenue', 'pipeline']) expect(drawnCell(el, id), id).to.deep.equal(el.layout.get(id));
  });

  it('dragging the resize handle pulls the bottom right corner to the square under the pointer', async () => {
    const el = await mount();
    await drag(center(handle(el, 'pipeline', 'resize')), squareCenter(el, 9, 3));
    expect(el.preview!.get('pipeline')).to.deep.equal({ x: 3, y: 0, w: 7, h: 4 });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.layout.get('pipeline')).to.deep.equal({ x: 3, y: 0, w: 7, h: 4 });
    // the funnel below was in the way and went down
    expect(el.layout.get('funnel')).to.deep.equal({ x: 0, y: 4, w: 6, h: 3 });
    expect(drawnCell(el, 'pipeline')).to.deep.equal({ x: 3, y: 0, w: 7, h: 4 });
    expect(status(el)).to.equal('Pipeline resized to 7 columns by 4 rows');
  });

  it('Escape during a drag puts every tile back and commits nothing', async () => {
    const el = await mount();
    await drag(center(handle(el, 'funnel', 'move')), squareCenter(el, 1, 0));
    expect(el.preview).to.not.equal(null);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.preview).to.equal(null);
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.commits).to.have.length(0);
    expect(Object.fromEntries(el.layout)).to.deep.equal(Object.fromEntries(START()));
    expect(drawnCell(el, 'funnel')).to.deep.equal({ x: 0, y: 2, w: 6, h: 3 });
    expect(status(el)).to.equal('Moving Funnel cancelled');
  });

  it('a press and release without moving commits nothing', async () => {
    const el = await mount();
    await sendMouse({ type: 'click', position: center(handle(el, 'revenue', 'move')) });
    await el.updateComplete;
    expect(el.commits).to.have.length(0);
  });

  it('a touch drag works on the move handle; a finger on the tile itself leaves the page to scroll', async () => {
    const el = await mount();
    const fire = (target: Element, type: string, [clientX, clientY]: [number, number]) =>
      target.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'touch', isPrimary: true, button: type === 'pointermove' ? -1 : 0, clientX, clientY, bubbles: true, composed: true, cancelable: true }));

    fire(tile(el, 'revenue').querySelector('.grid-chrome')!, 'pointerdown', squareCenter(el, 1, 1));
    fire(tile(el, 'revenue'), 'pointermove', squareCenter(el, 9, 1));
    fire(tile(el, 'revenue'), 'pointerup', squareCenter(el, 9, 1));
    await el.updateComplete;
    expect(el.commits, 'a touch on the tile does not drag').to.have.length(0);

    const grip = handle(el, 'revenue', 'move');
    expect(getComputedStyle(grip).touchAction).to.equal('none');
    fire(grip, 'pointerdown', center(grip));
    fire(grip, 'pointermove', squareCenter(el, 5, 2));
    fire(grip, 'pointermove', squareCenter(el, 9, 5));
    fire(grip, 'pointerup', squareCenter(el, 9, 5));
    await el.updateComplete;
    expect(el.layout.get('revenue')).to.deep.equal({ x: 9, y: 5, w: 3, h: 2 });
  });

  it('arrow keys on the move handle move by one cell, commit each step and say where the tile is', async () => {
    const el = await mount();
    handle(el, 'pipeline', 'move').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.commits.map((c) => c.id)).to.deep.equal(['pipeline']);
    expect(el.layout.get('pipeline')).to.deep.equal({ x: 4, y: 0, w: 3, h: 2 });
    expect(status(el)).to.equal('Pipeline moved to column 5, row 1');
    expect(drawnCell(el, 'pipeline')).to.deep.equal({ x: 4, y: 0, w: 3, h: 2 });
    expect(root(el).activeElement, 'focus stays on the handle').to.equal(handle(el, 'pipeline', 'move'));

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.layout.get('pipeline')).to.deep.equal({ x: 4, y: 1, w: 3, h: 2 });
    expect(status(el)).to.equal('Pipeline moved to column 5, row 2');
    expect(el.commits).to.have.length(2);
  });

  it('Shift+arrows on the move handle, or arrows on the resize handle, resize by one cell', async () => {
    const el = await mount();
    handle(el, 'revenue', 'move').focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(el.layout.get('revenue')).to.deep.equal({ x: 0, y: 0, w: 3, h: 3 });
    expect(status(el)).to.equal('Revenue resized to 3 columns by 3 rows');
    // the funnel under it was pushed down a row
    expect(el.layout.get('funnel')).to.deep.equal({ x: 0, y: 3, w: 6, h: 3 });

    handle(el, 'revenue', 'resize').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.layout.get('revenue')).to.deep.equal({ x: 0, y: 0, w: 2, h: 3 });
    expect(status(el)).to.equal('Revenue resized to 2 columns by 3 rows');
    expect(drawnCell(el, 'revenue')).to.deep.equal({ x: 0, y: 0, w: 2, h: 3 });
  });

  it('a key that would leave the grid commits nothing and says so; the same words twice are still heard', async () => {
    const el = await mount();
    handle(el, 'revenue', 'move').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.commits).to.have.length(0);
    expect(status(el)).to.equal('Revenue cannot go further');
    const first = root(el).querySelector('[role="status"]')!.textContent;
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(root(el).querySelector('[role="status"]')!.textContent, 'the live region text changed').to.not.equal(first);
    handle(el, 'revenue', 'resize').focus();
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.layout.get('revenue')!.h).to.equal(1);
    expect(status(el)).to.equal('Revenue cannot go further');
  });

  it('keyboard steps on one handle build on where the tiles stood before: a tile pushed aside comes back', async () => {
    const el = await mount();
    handle(el, 'revenue', 'move').focus();
    await sendKeys({ press: 'ArrowDown' }); // onto the funnel: it is pushed down
    await el.updateComplete;
    expect(el.layout.get('funnel')).to.deep.equal({ x: 0, y: 3, w: 6, h: 3 });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    // revenue now stands at (6, 1), clear of the funnel, which is back where it was
    expect(el.layout.get('revenue')).to.deep.equal({ x: 6, y: 1, w: 3, h: 2 });
    expect(el.layout.get('funnel')).to.deep.equal({ x: 0, y: 2, w: 6, h: 3 });
  });

  it('remove calls onRemove, says so, and hands focus to the next tile', async () => {
    const el = await mount();
    removeButton(el, 'revenue').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.removed).to.deep.equal(['revenue']);
    expect(tile(el, 'revenue')).to.equal(undefined);
    expect(status(el)).to.equal('Revenue removed');
    expect(root(el).activeElement).to.equal(handle(el, 'pipeline', 'move'));

    await sendMouse({ type: 'click', position: center(removeButton(el, 'funnel')) });
    await el.updateComplete;
    expect(el.removed).to.deep.equal(['revenue', 'funnel']);
    expect(el.commits, 'a click on remove is no drag').to.have.length(0);
  });

  it('names every handle after its tile; hostile labels stay text', async () => {
    const el = await mount();
    const hostile = '<img src=x onerror="window.__pwned=1">Deals & "wins"';
    el.labels = { ...el.labels, revenue: hostile };
    el.requestUpdate();
    await el.updateComplete;
    expect(handle(el, 'revenue', 'move').getAttribute('aria-label')).to.equal(`Move ${hostile}`);
    expect(handle(el, 'revenue', 'resize').getAttribute('aria-label')).to.equal(`Resize ${hostile}`);
    expect(removeButton(el, 'revenue').getAttribute('aria-label')).to.equal(`Remove ${hostile}`);
    handle(el, 'revenue', 'move').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(status(el)).to.equal(`${hostile} moved to column 2, row 1`);
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    const hint = root(el).getElementById(handle(el, 'pipeline', 'move').getAttribute('aria-describedby')!);
    expect(hint!.textContent).to.contain('arrow keys');
  });

  it('is accessible in edit mode', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  describe('on a phone (one column)', () => {
    it('has no resize handle; Up and Down move a tile in reading order and say its position', async () => {
      const el = await mount(390);
      await waitUntil(() => !handle(el, 'revenue', 'resize'), 'the resize handle stays on one column');
      const tops = () => ['revenue', 'pipeline', 'funnel'].map((id) => tile(el, id).getBoundingClientRect().top);
      const [r0, p0, f0] = tops();
      expect(r0! < p0! && p0! < f0!, 'stacked in reading order').to.equal(true);

      handle(el, 'funnel', 'move').focus();
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(status(el)).to.equal('Funnel moved to position 2 of 3');
      const [r1, p1, f1] = tops();
      expect(r1! < f1! && f1! < p1!, 'the funnel now stands between revenue and pipeline').to.equal(true);

      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(status(el)).to.equal('Funnel moved to position 1 of 3');
      const [r2, p2, f2] = tops();
      expect(f2! < r2! && r2! < p2!).to.equal(true);
      expect(root(el).activeElement).to.equal(handle(el, 'funnel', 'move'));

      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(status(el)).to.equal('Funnel cannot go further');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(status(el)).to.equal('Funnel moved to position 2 of 3');
    });

    it('a drag onto another tile takes its place in the column', async () => {
      const el = await mount(390);
      await waitUntil(() => !handle(el, 'revenue', 'resize'));
      await drag(center(handle(el, 'revenue', 'move')), center(tile(el, 'funnel')));
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      const tops = ['revenue', 'pipeline', 'funnel'].map((id) => tile(el, id).getBoundingClientRect().top);
      expect(tops[1]! < tops[2]! && tops[2]! < tops[0]!, 'pipeline, funnel, revenue').to.equal(true);
      expect(el.commits).to.have.length(1);
    });
  });
});
