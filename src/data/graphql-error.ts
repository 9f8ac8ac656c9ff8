/** One error of a GraphQL response, as a server sends it (`GraphQLFormattedError`). */
export interface GraphqlErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/**
 * HTTP statuses for the error codes servers put in `extensions.code` (Apollo's names, which Hasura,
 * PostGraphile and most gateways use too), so that widgets read a GraphQL refusal as they read an
 * HTTP one: "Session expired" for 401, no retry for 400/403, a retry for 500.
 */
const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  NOT_FOUND: 404,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * The errors a GraphQL server answered a subscription with, as one `Error` whose message is theirs
 * (joined with "; "). `status` is set when an error's `extensions.code` names one (see above), so
 * `retryable()` and `problemKind()` classify it; without one it is retried like any failure.
 */
export class GraphqlError extends Error {
  readonly errors: readonly GraphqlErrorEntry[];
  readonly status?: number;

  constructor(errors: readonly unknown[]) {
    const entries = errors.map(entryOf);
    super(entries.map((e) => e.message).join('; ') || 'The GraphQL server could not answer this query.');
    this.name = 'GraphqlError';
    this.errors = entries;
    const status = entries.map((e) => STATUS_OF_CODE[String(e.extensions?.code)]).find((s) => s !== undefined);
    if (status !== undefined) this.status = status;
  }
}

/** A server's error entry, or something readable in its place for one that is not an object. */
function entryOf(error: unknown): GraphqlErrorEntry {
  if (error && typeof error === 'object') {
    const { message, path, extensions } = error as Record<string, unknown>;
    return {
      message: typeof message === 'string' ? message : '',
      ...(Array.isArray(path) ? { path } : {}),
      ...(extensions && typeof extensions === 'object' ? { extensions: extensions as Record<string, unknown> } : {}),
    };
  }
  return { message: typeof error === 'string' ? error : '' };
}
