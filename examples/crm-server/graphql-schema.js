/**
 * The GraphQL schema of the reference CRM: one subscription per widget kind, typed rows the widgets
 * read as they are, and `metric` for anything else (records lists, metrics added at run time), its
 * rows as JSON objects. Every subscription sends the current frame at once and then each change,
 * as the other transports do.
 */
import { GraphQLError, GraphQLScalarType, buildSchema } from 'graphql';

export const typeDefs = /* GraphQL */ `
  """Any JSON value: filters, and the cells of a generic frame."""
  scalar JSON

  """What a column means: unit is an ISO 4217 code, '%' or 's'."""
  type Field { name: String!, type: String!, unit: String, label: String }

  type KpiPoint { time: Float, value: Float, previous: Float, target: Float }
  type KpiFrame { rows: [KpiPoint!]!, fields: [Field!], asOf: Float! }

  type FunnelStage { stage: String!, value: Float }
  type FunnelFrame { rows: [FunnelStage!]!, fields: [Field!], asOf: Float! }

  type Campaign { campaign: String!, channel: String, cost: Float, revenue: Float, leads: Int, opportunities: Int, won: Int }
  type CampaignsFrame { rows: [Campaign!]!, fields: [Field!], asOf: Float! }

  type Agent { id: ID, name: String!, team: String, avatar: String, value: Float }
  type AgentsFrame { rows: [Agent!]!, fields: [Field!], asOf: Float! }

  type ForecastRow { category: String!, value: Float, quota: Float, group: String, channel: String, time: Float }
  type ForecastFrame { rows: [ForecastRow!]!, fields: [Field!], asOf: Float! }

  """A frame of any metric, each row a JSON object."""
  type MetricFrame { rows: [JSON!]!, fields: [Field!], asOf: Float! }

  type Query {
    """The metrics this CRM can answer."""
    metrics: [String!]!
  }

  type Subscription {
    """A KPI (revenue, win_rate, …): a time series whose last row has the previous period and the target."""
    kpi(metric: String!, range: String, compare: String, filters: JSON): KpiFrame!
    funnel(range: String, filters: JSON): FunnelFrame!
    campaigns(range: String, filters: JSON): CampaignsFrame!
    agents(range: String, filters: JSON, limit: Int): AgentsFrame!
    forecast(range: String, filters: JSON, dimensions: [String!]): ForecastFrame!
    """Any metric, as a crm-pulse MetricQuery; its rows as JSON."""
    metric(metric: String!, dimensions: [String!], filters: JSON, range: String, compare: String, limit: Int): MetricFrame!
  }
`;

const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  // Literals in a document: only what filters need (strings, numbers, booleans, lists, objects).
  parseLiteral: function literal(ast) {
    if (ast.kind === 'ObjectValue') return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    if (ast.kind === 'ListValue') return ast.values.map(literal);
    if (ast.kind === 'IntValue' || ast.kind === 'FloatValue') return Number(ast.value);
    if (ast.kind === 'NullValue') return null;
    return ast.value;
  },
});

/** The schema, with the JSON scalar's parsing attached. */
export function crmSchema() {
  const schema = buildSchema(typeDefs);
  Object.assign(schema.getType('JSON'), { serialize: JSONScalar.serialize, parseValue: JSONScalar.parseValue, parseLiteral: JSONScalar.parseLiteral });
  return schema;
}

/**
 * The root resolvers over the hub. Each subscription field turns its arguments into the query the
 * other transports receive, and answers with the hub's frames of it.
 * @param {() => import('./metric-hub.js').MetricHub} hub the hub of the running server (a restart makes a new one)
 */
export function crmRoots(hub) {
  const live = (field, toQuery) => (args) => {
    const query = withoutEmpty(toQuery(args));
    if (!hub().knows(query.metric)) throw new GraphQLError(`unknown metric ${query.metric}`, { extensions: { code: 'BAD_USER_INPUT' } });
    return framesOf(hub(), query, field);
  };
  return {
    query: { metrics: () => [...Object.keys(hub().demo.DEMO_KPIS), 'funnel', 'campaigns', 'agents', 'forecast'] },
    subscription: {
      kpi: live('kpi', ({ metric, range, compare, filters }) => ({ metric, range, compare, filters })),
      funnel: live('funnel', ({ range, filters }) => ({ metric: 'funnel', range, filters })),
      campaigns: live('campaigns', ({ range, filters }) => ({ metric: 'campaigns', range, filters })),
      agents: live('agents', ({ range, filters, limit }) => ({ metric: 'agents', range, filters, limit })),
      forecast: live('forecast', ({ range, filters, dimensions }) => ({ metric: 'forecast', range, filters, dimensions })),
      metric: live('metric', (args) => args),
    },
  };
}

/**
 * The frames of `query` as the async iterator a GraphQL subscription resolves to: the latest one
 * at once, then every change. A slow client gets the latest frame, not a backlog.
 */
function framesOf(hub, query, field) {
  let pending = null;
  let wake = () => {};
  let done = false;
  const stop = hub.watch(query, ({ frame }) => {
    pending = frame;
    wake();
  });
  const end = () => {
    done = true;
    stop();
    wake();
    return Promise.resolve({ done: true, value: undefined });
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      while (!done && !pending) await new Promise((resolve) => (wake = resolve));
      if (done) return { done: true, value: undefined };
      const frame = pending;
      pending = null;
      return { done: false, value: { [field]: frame } };
    },
    return: end,
    throw: end,
  };
}

/** A query without the arguments the client left out: the same key as the other transports compute. */
function withoutEmpty(query) {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null));
}
