/**
 * crm-pulse/data — the data-source contract, the registry and the built-in adapters.
 * Importing this entry defines no elements.
 *
 * GraphQL subscriptions: `graphqlWsSource` is its own entry, `crm-pulse/data/graphql-ws`, so that
 * pages that do not use it never load the graphql-ws client.
 */
export type { CatalogEntry, FrameField, FrameValue, MetricFrame, MetricQuery, MetricSource, WidgetKind } from './types.js';
export { registerSource, unregisterSource, getSource, sourceNamed } from './registry.js';
export { queryKey } from './query-key.js';
export { shareQueries } from './share-queries.js';
export { retryWithBackoff, backoffDelay, type BackoffOptions } from './retry-with-backoff.js';
export { markStale, type Freshness } from './mark-stale.js';
export { frameProblem } from './check-frame.js';
export { staticSource, type StaticData, type StaticSourceOptions } from './static-source.js';
export { readCatalog, readCatalogEntries, WIDGET_KINDS } from './read-catalog.js';
export type { CatalogOption } from './fetch-catalog.js';
export { createSource, type CreateSourceOptions } from './create-source.js';
export type { SourceStatus } from './types.js';
export { pollingSource, type PollingSourceOptions, type FetchFrameContext } from './polling-source.js';
export { HttpError, retryable, problemKind, statusOf, type ProblemKind } from './source-errors.js';
export { sameContent } from './same-frame.js';
export { sseSource, type SseSourceOptions } from './sse-source.js';
export { webSocketSource, type WebSocketSourceOptions } from './websocket-source.js';
export { queryToParams, queryFromParams } from './query-params.js';
export { StatusChannel, isConnectionDown } from './source-status.js';
export type { ToFrame, ServerMessage, ClientMessage } from './wire-protocol.js';
export { pollSchedule, type PollScheduleOptions } from './poll-schedule.js';
