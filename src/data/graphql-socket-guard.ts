import { parseMessage } from 'graphql-ws/client';
import { warnDropped } from './wire-protocol.js';

/**
 * The WebSocket class `graphqlWsSource` hands its graphql-ws client: the page's own, with two
 * guards in front of the client's handlers.
 *
 * - A message that is not valid GraphQL-over-WebSocket (not JSON, an unknown type, a `next` without
 *   an id…) is dropped with one console warning. The client on its own closes the whole socket
 *   for it (4004 "Bad response"), which would cost every widget its connection for one bad message.
 *   The check is graphql-ws's own `parseMessage`.
 * - A server that closes with 1000 ("normal closure") while subscriptions are live is reported to
 *   the client as 1001 ("going away"). The client takes 1000 for its own idle close and reconnects
 *   at once, around any backoff: a server that accepts and closes normally would be hit in a loop.
 *   Closes the client asks for itself keep their 1000.
 *
 * `Base` is read when the client is created, so a test's stand-in for the global class is seen.
 */
export function guardedWebSocket(Base: typeof WebSocket): typeof WebSocket {
  const onmessage = accessor(Base.prototype, 'onmessage');
  const onclose = accessor(Base.prototype, 'onclose');
  return class GuardedWebSocket extends Base {
    #closing = false;

    override close(code?: number, reason?: string): void {
      this.#closing = true;
      super.close(code, reason);
    }

    // Accessors over the base class's: the handlers graphql-ws assigns pass through the guards.
    static {
      Object.defineProperty(this.prototype, 'onmessage', {
        configurable: true,
        get(this: WebSocket) {
          return onmessage.get!.call(this);
        },
        set(this: WebSocket, handler: ((event: MessageEvent) => void) | null) {
          onmessage.set!.call(this, handler && ((event: MessageEvent) => {
            const problem = messageProblem(event.data);
            if (problem) return warnDropped('graphqlWsSource', problem);
            handler.call(this, event);
          }));
        },
      });
      Object.defineProperty(this.prototype, 'onclose', {
        configurable: true,
        get(this: WebSocket) {
          return onclose.get!.call(this);
        },
        set(this: GuardedWebSocket, handler: ((event: CloseEvent) => void) | null) {
          onclose.set!.call(this, handler && ((event: CloseEvent) => {
            const byServer = event.code === 1000 && !this.#closing;
            handler.call(this, byServer ? ({ code: 1001, reason: event.reason || 'The server closed the connection.', wasClean: event.wasClean } as CloseEvent) : event);
          }));
        },
      });
    }
  };
}

/** The accessor `name` of a prototype chain (the WebSocket class's own, under any subclasses). */
function accessor(prototype: object | null, name: string): PropertyDescriptor {
  for (let p = prototype; p; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, name);
    if (descriptor?.set) return descriptor;
  }
  throw new TypeError(`This WebSocket class has no ${name} handler property.`);
}

/** What is wrong with a message, by graphql-ws's own reading of the protocol; undefined when nothing. */
function messageProblem(data: unknown): string | undefined {
  if (typeof data !== 'string') return `expected JSON text, got ${typeof data === 'object' ? 'binary data' : typeof data}`;
  try {
    parseMessage(data);
    return undefined;
  } catch (error) {
    const text = data.length > 60 ? `${data.slice(0, 60)}…` : data;
    return `${error instanceof Error ? error.message : String(error)} (${text})`;
  }
}
