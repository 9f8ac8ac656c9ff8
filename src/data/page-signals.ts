import { type Producer, noop } from './producer.js';

/** Whether the page is visible: the current value at once, then at every `visibilitychange`. Always true without a document. */
export function pageVisibility(): Producer<boolean> {
  return (sink) => {
    if (typeof document === 'undefined') {
      sink.next(true);
      return noop;
    }
    const read = () => sink.next(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', read);
    read();
    return () => document.removeEventListener('visibilitychange', read);
  };
}

/** Each time the browser comes back `online`; nothing without a window. */
export function onlineEvents(): Producer<unknown> {
  return (sink) => {
    if (typeof window === 'undefined') return noop;
    const wake = (event: Event) => sink.next(event);
    window.addEventListener('online', wake);
    return () => window.removeEventListener('online', wake);
  };
}

/**
 * Each moment a wait for the network is worth cutting short: the browser comes back `online`, or
 * the page is shown again after being hidden (a laptop opened, a tab brought back). Nothing without
 * a window.
 */
export function wakeEvents(): Producer<unknown> {
  const online = onlineEvents();
  return (sink) => {
    const stopOnline = online(sink);
    if (typeof document === 'undefined') return stopOnline;
    const shown = (event: Event) => {
      if (document.visibilityState !== 'hidden') sink.next(event);
    };
    document.addEventListener('visibilitychange', shown);
    return () => {
      stopOnline();
      document.removeEventListener('visibilitychange', shown);
    };
  };
}
