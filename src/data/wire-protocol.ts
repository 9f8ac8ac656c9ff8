import { frameProblem } from './check-frame.js';
import type { MetricFrame, MetricQuery } from './types.js';

/**
 * Turns what a server sent for a query into a frame. The default takes the payload as a frame
 * already; pass your own to map a CRM's response shape (see "Write an adapter for your CRM").
 */
export type ToFrame = (payload: unknown, query: MetricQuery) => MetricFrame;

/**
 * The messages a push server sends, as JSON text: over a WebSocket each message is one text
 * frame, over Server-Sent Events each is the `data:` of one event. `key` is the query's
 * `queryKey(query)`, exactly as the client subscribed with it.
 *
 * ```
 * { "type": "frame", "key": "<queryKey>", "frame": { "rows": [...], "asOf": 1718000000000 } }
 * { "type": "error", "key": "<queryKey>", "message": "unknown metric" }   // ends that query
 * { "type": "ping" }                                                      // answer { "type": "pong" }
 * { "type": "pong" }
 * ```
 */
export type ServerMessage =
  | { type: 'frame'; key: string; frame: unknown }
  | { type: 'error'; key: string; message: string }
  | { type: 'ping' }
  | { type: 'pong' };

/** What a WebSocket client sends: one subscribe per distinct query, an unsubscribe when its last widget leaves. */
export type ClientMessage =
  | { type: 'subscribe'; key: string; query: MetricQuery }
  | { type: 'unsubscribe'; key: string }
  | { type: 'ping' }
  | { type: 'pong' };

/** Parses one server message, or says what is wrong with it. */
export function parseServerMessage(data: unknown): ServerMessage | string {
  if (typeof data !== 'string') return `expected JSON text, got ${typeof data === 'object' ? 'binary data' : typeof data}`;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return `not JSON: ${data.length > 60 ? `${data.slice(0, 60)}…` : data}`;
  }
  if (!message || typeof message !== 'object') return 'expected a JSON object';
  const { type, key } = message as Record<string, unknown>;
  if (type === 'ping' || type === 'pong') return { type };
  if (type !== 'frame' && type !== 'error') return `unknown message type ${JSON.stringify(type)}`;
  if (typeof key !== 'string' || !key) return `a "${type}" message needs a string "key"`;
  if (type === 'frame') return { type, key, frame: (message as { frame?: unknown }).frame };
  const text = (message as { message?: unknown }).message;
  return { type, key, message: typeof text === 'string' && text ? text : 'The server could not answer this query.' };
}

/**
 * Reads a frame from a payload through `toFrame`, or says why it cannot. A frame without `asOf`
 * is stamped with the time it arrived.
 */
export function readFrame(payload: unknown, query: MetricQuery, toFrame?: ToFrame): MetricFrame | string {
  let frame: unknown;
  try {
    frame = toFrame ? toFrame(payload, query) : payload;
  } catch (error) {
    return `toFrame failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  const problem = frameProblem(frame);
  if (problem) return problem;
  const { asOf } = frame as MetricFrame;
  return Number.isFinite(asOf) ? (frame as MetricFrame) : { ...(frame as MetricFrame), asOf: Date.now() };
}

/** Malformed input costs one warning and is dropped; the connection carries on. */
export function warnDropped(adapter: string, problem: string): void {
  console.warn(`crm-pulse ${adapter}: dropped a message: ${problem}`);
}
