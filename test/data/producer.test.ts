import { expect } from '@open-wc/testing';
import { Observable, type Observer, Subject } from 'rxjs';
import { SerialRun, producerOf } from '../../src/data/producer.js';
import { recorder } from './manual-clock.js';

describe('producerOf', () => {
  it('a plain subscribable that ends later is unsubscribed', () => {
    let observer: Partial<Observer<number>> = {};
    let unsubscribed = 0;
    const plain = { subscribe: (o: Partial<Observer<number>>) => ((observer = o), { unsubscribe: () => unsubscribed++ }) };
    const sink = recorder<number>();
    producerOf<number>(() => plain as never)(sink);
    observer.next?.(1);
    observer.complete?.();
    expect(sink.seen).to.deep.equal([['next', 1], ['complete']]);
    expect(unsubscribed).to.equal(1);
  });

  it('a source that ends synchronously inside subscribe is unsubscribed as soon as subscribe returns', () => {
    let unsubscribed = 0;
    const sink = recorder<number>();
    producerOf<number>(() => ({
      subscribe(observer: Partial<Observer<number>>) {
        observer.next?.(1);
        observer.error?.('boom');
        return { unsubscribe: () => void unsubscribed++ };
      },
    }))(sink);
    expect(sink.seen).to.deep.equal([['next', 1], ['error', 'boom']]);
    expect(unsubscribed).to.equal(1);
  });

  it('an RxJS source that emits synchronously works, and cancel closes it', () => {
    let active = 0;
    const source = new Observable<number>((subscriber) => {
      active++;
      subscriber.next(1);
      subscriber.next(2);
      return () => active--;
    });
    const sink = recorder<number>();
    const cancel = producerOf(() => source)(sink);
    expect(sink.values()).to.deep.equal([1, 2]);
    expect(active).to.equal(1);
    cancel();
    expect(active).to.equal(0);
  });

  it('passes nothing after the end, even from a source that ignores its own termination', () => {
    const sink = recorder<number>();
    producerOf<number>(() => ({
      subscribe(observer: Partial<Observer<number>>) {
        observer.next?.(1);
        observer.complete?.();
        observer.next?.(2);
        observer.error?.(new Error('late'));
        return { unsubscribe() {} };
      },
    }))(sink);
    expect(sink.seen).to.deep.equal([['next', 1], ['complete']]);
  });

  it('open() throwing, or returning something without subscribe, is an error of the stream', () => {
    const thrown = recorder<number>();
    producerOf<number>(() => {
      throw new Error('no connection');
    })(thrown);
    expect(thrown.seen).to.have.length(1);
    expect((thrown.seen[0][1] as Error).message).to.equal('no connection');
    const notSubscribable = recorder<number>();
    producerOf<number>(() => null as never)(notSubscribable);
    expect(notSubscribable.seen[0][0]).to.equal('error');
    expect(notSubscribable.seen[0][1]).to.be.instanceOf(TypeError);
  });

  it('cancel unsubscribes once, however often it is called', () => {
    const subject = new Subject<number>();
    const cancel = producerOf(() => subject)(recorder<number>());
    expect(subject.observed).to.equal(true);
    cancel();
    cancel();
    expect(subject.observed).to.equal(false);
  });
});

describe('SerialRun', () => {
  it('starting a run stops the one before', () => {
    const log: string[] = [];
    const run = new SerialRun();
    run.start(() => (log.push('start a'), () => log.push('stop a')));
    run.start(() => (log.push('start b'), () => log.push('stop b')));
    run.stop();
    run.stop();
    expect(log).to.deep.equal(['start a', 'stop a', 'start b', 'stop b']);
  });

  it('a run replaced while it still starts is stopped when its start returns; the newer one stays', () => {
    const log: string[] = [];
    const run = new SerialRun();
    run.start(() => {
      log.push('start a');
      run.start(() => (log.push('start b'), () => log.push('stop b')));
      return () => log.push('stop a');
    });
    expect(log).to.deep.equal(['start a', 'start b', 'stop a']);
    run.stop();
    expect(log).to.deep.equal(['start a', 'start b', 'stop a', 'stop b']);
  });

  it('a run stopped while it still starts is stopped when its start returns', () => {
    const log: string[] = [];
    const run = new SerialRun();
    run.start(() => {
      run.stop();
      return () => log.push('stop a');
    });
    expect(log).to.deep.equal(['stop a']);
  });
});
