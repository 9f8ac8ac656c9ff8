/**
 * Browser side of the crm-lab test-runner plugin: a real reference CRM server on loopback that a
 * test can stop, restart, cut off, misconfigure and inspect.
 */
export interface LabStats {
  rest: { requests: number; notModified: number; failed: number; aborted: number; urls: string[]; authorizations: string[] };
  sse: { connections: number; open: number; refused: number; lastEventIds: string[]; queriesPerConnection: number[] };
  ws: { connections: number; open: number; subscribes: number; unsubscribes: number; duplicateSubscribes: number; pings: number; protocols: string[] };
  /** `/graphql`: upgrade requests, sockets open now, `subscribe` and client `complete` messages, each `connection_init` payload. */
  graphql: { connections: number; open: number; subscribes: number; completes: number; connectionParams: unknown[] };
  catalog: { requests: number; authorizations: string[] };
  /** Queries the simulated CRM is running now. */
  live: number;
}

export interface LabFaults {
  failNext?: number;
  failStatus?: number;
  /** Seconds, sent as `Retry-After` with REST failures and refused streams. */
  retryAfter?: number | null;
  restDelayMs?: number;
  rawNext?: string | null;
  streamNoContent?: boolean;
  socketSilent?: boolean;
  /** Sockets accepted and closed at once with this code. */
  socketCloseCode?: number;
  /** Sockets get this one message, then are closed with this code. */
  socketSayThenClose?: { message: object; code: number } | null;
  /** The WebSocket upgrade answered with this HTTP status. */
  socketRefuse?: number;
  /** GraphQL: `connection_init` must carry `{ token }` equal to this, else the socket closes with 4401; null: no check. */
  graphqlToken?: string | null;
  /** GraphQL: every `connection_init` is refused (4403). */
  graphqlForbidden?: boolean;
  /** GraphQL: the upgrade is answered with this HTTP status; 0: not. */
  graphqlRefuse?: number;
  /** GraphQL: sockets are acknowledged, then closed with this code; 0: not. */
  graphqlAckThenClose?: number;
  /** GraphQL: nothing goes out, not even pongs (a dead link that still looks open). */
  graphqlSilent?: boolean;
  /** The SSE route answers this HTTP status instead of a stream. */
  streamStatus?: number;
  /** SSE: headers, then nothing. */
  streamSilent?: boolean;
  /** SSE: not even headers. */
  streamNoHeaders?: boolean;
  /** SSE: headers, then the stream ends. */
  streamCloseAtOnce?: boolean;
  /** SSE: one event, then the stream ends. */
  streamSayThenClose?: object | null;
  /** Catalog answers are this raw text, with status 200. */
  catalogRaw?: string | null;
  /** The catalog route answers this HTTP status. */
  catalogStatus?: number;
}

async function call<T>(command: string, params: Record<string, string | number> = {}): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`/__crm-lab/${command}?${query}`, { cache: 'no-store' });
  const body = await response.json();
  // The test runner answers plugin responses with 200 whatever they say: the error is in the body.
  if (!response.ok || body?.error) throw new Error(`crm-lab ${command}: ${body.error}`);
  return body as T;
}

export class CrmLabServer {
  private constructor(
    readonly id: string,
    /** `http://127.0.0.1:<port>` */
    readonly url: string,
  ) {}

  static async start(options: { intervalMs?: number; retryMs?: number; seed?: number; heartbeatMs?: number } = {}): Promise<CrmLabServer> {
    const { id, url } = await call<{ id: string; url: string }>('create', options as Record<string, number>);
    return new CrmLabServer(id, url);
  }

  get restUrl(): string {
    return `${this.url}/api/metrics`;
  }
  get streamUrl(): string {
    return `${this.url}/api/stream`;
  }
  get catalogUrl(): string {
    return `${this.url}/api/catalog`;
  }
  get socketUrl(): string {
    return `${this.url.replace('http', 'ws')}/api/ws`;
  }
  get graphqlUrl(): string {
    return `${this.url.replace('http', 'ws')}/graphql`;
  }

  /** Kills the server (every connection cut, port closed); its simulated CRM is gone. */
  stop = () => call('stop', { id: this.id });
  /** Starts it again on the same port; its simulated CRM continues from the time it started. */
  restart = () => call('start', { id: this.id });
  /** Cuts every stream and socket; the server keeps listening. */
  drop = () => call('drop', { id: this.id });
  close = () => call('close', { id: this.id });
  stats = () => call<LabStats>('stats', { id: this.id });
  faults = (faults: LabFaults) => call<LabFaults>('faults', { id: this.id, ...Object.fromEntries(Object.entries(faults).map(([k, v]) => [k, JSON.stringify(v)])) });
  /** Sends raw text to every SSE stream (as an event's data) and every socket. */
  sendRaw = (text: string) => call('raw', { id: this.id, text });
  /** The frame the server holds now for a query key. */
  latest = (key: string) => call<{ frame: { rows: Array<Record<string, unknown>>; asOf: number } | null }>('latest', { id: this.id, key }).then((r) => r.frame);
}
