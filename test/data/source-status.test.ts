import { expect } from '@open-wc/testing';
import type { Subscription } from 'rxjs';
import { StatusChannel } from '../../src/data/source-status.js';
import type { SourceStatus } from '../../src/data/types.js';

describe('StatusChannel', () => {
  it('starts idle; each subscriber gets the current status at once, then each change', () => {
    const channel = new StatusChannel();
    const early: SourceStatus[] = [];
    channel.observe().subscribe((s) => early.push(s));
    channel.set('connecting');
    const late: SourceStatus[] = [];
    channel.observe().subscribe((s) => late.push(s));
    channel.set('open');
    expect(early.map((s) => s.state)).to.deep.equal(['idle', 'connecting', 'open']);
    expect(late.map((s) => s.state)).to.deep.equal(['connecting', 'open']);
    expect(channel.value).to.deep.equal({ state: 'open' });
  });

  it('the same state, reason and retry time again emits nothing; a new reason or retry time does', () => {
    const channel = new StatusChannel();
    const seen: SourceStatus[] = [];
    channel.observe().subscribe((s) => seen.push(s));
    channel.set('reconnecting', { error: 'down', retryAt: 5 });
    channel.set('reconnecting', { error: 'down', retryAt: 5 });
    channel.set('reconnecting', { error: 'down', retryAt: 9 });
    channel.set('reconnecting', { error: 'HTTP 502', retryAt: 9 });
    channel.set('idle');
    channel.set('idle');
    expect(seen).to.deep.equal([
      { state: 'idle' },
      { state: 'reconnecting', error: 'down', retryAt: 5 },
      { state: 'reconnecting', error: 'down', retryAt: 9 },
      { state: 'reconnecting', error: 'HTTP 502', retryAt: 9 },
      { state: 'idle' },
    ]);
  });

  it('unsubscribing stops the updates; one that leaves while another handles a change hears nothing more', () => {
    const channel = new StatusChannel();
    const seen: string[] = [];
    let b: Subscription | undefined;
    channel.observe().subscribe((s) => {
      seen.push(`a:${s.state}`);
      if (s.state === 'open') b?.unsubscribe();
    });
    b = channel.observe().subscribe((s) => seen.push(`b:${s.state}`));
    channel.set('open');
    channel.set('idle');
    expect(seen).to.deep.equal(['a:idle', 'b:idle', 'a:open', 'a:idle']);
  });
});
