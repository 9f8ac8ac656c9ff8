import { expect } from '@open-wc/testing';
import { FIRST_RENDER_BUDGET_MS, FRAME_BUDGET_MS, inNextFrame } from '../../../src/widgets/shared/frame-budget.js';

/** Counts animation frames, so a test can say in which frame something ran. */
function frameCounter() {
  let frame = 0;
  let running = true;
  const tick = () => {
    frame++;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return { now: () => frame, stop: () => (running = false) };
}

/** Keeps the thread busy for at least `ms`: an update that costs that much. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* spin */
  }
}

describe('inNextFrame', () => {
  it('spreads updates that exceed the frame budget over several frames, oldest first, each once', async () => {
    const cost = 3;
    const frames = frameCounter();
    const ran: Array<{ id: number; frame: number }> = [];
    const owners = Array.from({ length: 10 }, (_, id) => ({ id }));
    await Promise.all(owners.map((owner) => inNextFrame(owner, () => (busy(cost), ran.push({ id: owner.id, frame: frames.now() })))));
    frames.stop();

    expect(ran.map((r) => r.id)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const perFrame = new Map<number, number>();
    for (const { frame } of ran) perFrame.set(frame, (perFrame.get(frame) ?? 0) + 1);
    // Each update costs at least `cost` ms, so no frame fits more than the budget allows.
    const most = Math.ceil(FRAME_BUDGET_MS / cost);
    expect(Math.max(...perFrame.values())).to.be.at.most(most);
    expect(perFrame.size).to.be.at.least(Math.ceil(owners.length / most));
  });

  it('runs the updates that read layout first, each group in the order it asked', async () => {
    const ran: string[] = [];
    const ask = (name: string, readsLayout: boolean) => inNextFrame({ name }, () => ran.push(name), readsLayout);
    await Promise.all([ask('write 1', false), ask('read 1', true), ask('write 2', false), ask('read 2', true)]);
    expect(ran).to.deep.equal(['read 1', 'read 2', 'write 1', 'write 2']);
  });

  it('an owner that asks again while the frame runs is answered, with its latest update', async () => {
    const late = {};
    const ran: string[] = [];
    let again: Promise<void> | undefined;
    const first = inNextFrame(late, () => ran.push('late, first'));
    await Promise.all([inNextFrame({}, () => ran.push('other')), first]);
    // Asked inside another owner's update in the same frame:
    await inNextFrame({}, () => {
      again = inNextFrame(late, () => ran.push('late, again'));
    });
    await again;
    expect(ran).to.deep.equal(['late, first', 'other', 'late, again']);
  });

  it('runs one update however long it takes, so nothing waits for ever', async () => {
    const ran: string[] = [];
    await Promise.all([inNextFrame({}, () => (busy(FRAME_BUDGET_MS * 2), ran.push('slow'))), inNextFrame({}, () => ran.push('next'))]);
    expect(ran).to.deep.equal(['slow', 'next']);
  });

  it('keeps one update per owner until its frame: the latest function runs, every caller is answered', async () => {
    const owner = {};
    const ran: string[] = [];
    const first = inNextFrame(owner, () => ran.push('first'));
    const second = inNextFrame(owner, () => ran.push('second'));
    await Promise.all([first, second]);
    expect(ran).to.deep.equal(['second']);
  });

  it('rejects only the update that throws; the others in its frame still run', async () => {
    const ran: string[] = [];
    const failing = inNextFrame({}, () => {
      throw new Error('broken render');
    });
    const healthy = inNextFrame({}, () => ran.push('healthy'));
    let error: unknown;
    await failing.catch((e: unknown) => (error = e));
    await healthy;
    expect((error as Error).message).to.equal('broken render');
    expect(ran).to.deep.equal(['healthy']);
  });
});

/** An owner as the widgets are: `hasUpdated` is false until its first render has run. */
const widget = () => ({ hasUpdated: false });

describe('inNextFrame: first renders', () => {
  it('runs the first renders of a dashboard in one frame although together they exceed the frame budget', async () => {
    const cost = 3;
    const frames = frameCounter();
    const ran: number[] = [];
    const owners = Array.from({ length: 10 }, widget);
    expect(owners.length * cost).to.be.above(FRAME_BUDGET_MS).and.below(FIRST_RENDER_BUDGET_MS);
    await Promise.all(owners.map((owner) => inNextFrame(owner, () => (busy(cost), (owner.hasUpdated = true), ran.push(frames.now())))));
    frames.stop();
    expect(ran).to.have.length(10);
    expect(new Set(ran).size, 'frames the first renders took').to.equal(1);
  });

  it('spreads first renders that exceed their own budget, in the order they asked', async () => {
    const cost = FIRST_RENDER_BUDGET_MS / 2;
    const frames = frameCounter();
    const ran: Array<{ i: number; frame: number }> = [];
    const owners = Array.from({ length: 4 }, widget);
    await Promise.all(owners.map((owner, i) => inNextFrame(owner, () => (busy(cost), (owner.hasUpdated = true), ran.push({ i, frame: frames.now() })))));
    frames.stop();
    expect(ran.map((r) => r.i)).to.deep.equal([0, 1, 2, 3]);
    expect(new Set(ran.map((r) => r.frame)).size).to.be.at.least(2);
  });

  it('past the frame budget, updates of drawn widgets wait for the next frame while first renders still run', async () => {
    const frames = frameCounter();
    const ran: Array<{ name: string; frame: number }> = [];
    const log = (name: string) => ran.push({ name, frame: frames.now() });
    const fresh = widget();
    await Promise.all([
      inNextFrame({}, () => (busy(FRAME_BUDGET_MS), log('drawn, slow'))),
      inNextFrame({}, () => log('drawn')),
      inNextFrame(fresh, () => ((fresh.hasUpdated = true), log('first'))),
    ]);
    frames.stop();
    const frameOf = (name: string) => ran.find((r) => r.name === name)!.frame;
    expect(frameOf('first')).to.equal(frameOf('drawn, slow'));
    expect(frameOf('drawn')).to.be.above(frameOf('drawn, slow'));
  });
});
