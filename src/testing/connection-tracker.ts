/**
 * Counts the network connections an adapter opens — WebSockets, EventSources and fetches — by
 * standing in for the page's own classes while a check runs. That is how the contract can say
 * "your adapter left a socket open" about any adapter built on the browser's APIs without knowing
 * its code. (An adapter that kept a reference to the original class before the check sees nothing;
 * give the contract `openConnections` for those.)
 */
interface TrackedRequest {
  url: string;
  settled: boolean;
  aborted: boolean;
}

type Globals = { WebSocket?: typeof WebSocket; EventSource?: typeof EventSource; fetch?: typeof fetch };

export class ConnectionTracker {
  readonly sockets: WebSocket[] = [];
  readonly streams: EventSource[] = [];
  readonly requests: TrackedRequest[] = [];
  /** Each connection opened, with its kind and when (`performance.now()`), in order: how fast an adapter retries. */
  readonly log: Array<{ kind: 'socket' | 'stream' | 'fetch'; at: number }> = [];
  #restoreGlobals: (() => void) | undefined;

  /** Stands in for the global WebSocket, EventSource and fetch until `uninstall()`. */
  install(): this {
    const g = globalThis as unknown as Globals;
    const original: Globals = { WebSocket: g.WebSocket, EventSource: g.EventSource, fetch: g.fetch };
    const sockets = this.sockets;
    const streams = this.streams;
    const requests = this.requests;
    const log = this.log;
    if (original.WebSocket) {
      g.WebSocket = class extends original.WebSocket {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          sockets.push(this);
          log.push({ kind: 'socket', at: performance.now() });
        }
      };
    }
    if (original.EventSource) {
      g.EventSource = class extends original.EventSource {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          streams.push(this);
          log.push({ kind: 'stream', at: performance.now() });
        }
      };
    }
    if (original.fetch) {
      const realFetch = original.fetch;
      g.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const request: TrackedRequest = { url, settled: false, aborted: !!signal?.aborted };
        signal?.addEventListener('abort', () => (request.aborted = true));
        requests.push(request);
        log.push({ kind: 'fetch', at: performance.now() });
        return realFetch(input, init).finally(() => (request.settled = true));
      };
    }
    this.#restoreGlobals = () => Object.assign(g, original);
    return this;
  }

  uninstall(): void {
    this.#restoreGlobals?.();
    this.#restoreGlobals = undefined;
  }

  /** How many connections have been opened so far. */
  get opened(): number {
    return this.sockets.length + this.streams.length + this.requests.length;
  }

  /** What is still open, in words: empty when everything was released. */
  stillOpen(): string[] {
    const open: string[] = [];
    for (const s of this.sockets) if (s.readyState === 0 || s.readyState === 1) open.push(`a WebSocket to ${s.url}`);
    for (const s of this.streams) if (s.readyState !== 2) open.push(`an EventSource to ${s.url}`);
    for (const r of this.requests) if (!r.settled && !r.aborted) open.push(`a fetch of ${r.url} (not aborted)`);
    return open;
  }
}
