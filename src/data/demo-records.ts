import { DEMO_AGENTS, DEMO_CAMPAIGNS, DEMO_KPIS, DEMO_RANGES, DEMO_STAGES } from './demo-catalog.js';
import { categoryKey } from '../metrics/forecast.js';
import { hashString, seededRandom } from './seeded-random.js';
import type { FrameField, FrameValue, MetricQuery } from './types.js';

type Row = Record<string, FrameValue>;
export type Filter = NonNullable<MetricQuery['filters']>[string] | undefined;

/** The shape of the demo source's simulations: `step` moves the data one tick on with that step's draws, `rows` reads it. */
export interface RecordsSimulation {
  step(random: () => number): void;
  rows(): Row[];
  fields: FrameField[];
}

/** Metrics whose records are service cases; every other `<metric>_records` answers opportunities. */
const CASE_METRICS = new Set(['agents', 'tickets_resolved', 'open_cases', 'csat', 'avg_handle_time']);

const ACCOUNTS = [
  'Acme GmbH', 'Nordwind Logistik', 'Bluefin Retail', 'Helios Energie', 'Kestrel Bank', 'Orbis Media', 'Tannenhof Hotels',
  'Vireo Health', 'Quantum Tools', 'Lumen Pharma', 'Sable Foods', 'Aster Insurance', 'Fjord Shipping', 'Cobalt Systems',
  'Marlowe & Söhne', 'Pinecrest Schools', 'Rhein Automotive', 'Solace Clinics', 'Tidewater Farms', 'Umbra Security',
  'Alpenglow Travel', 'Brightline Telecom', 'Cascade Water', 'Delphi Consulting', 'Ember Studios', 'Falcon Aerospace',
  'Granite Build', 'Harbor Capital', 'Iris Optics', 'Juniper Textiles',
];
const DEALS = ['New business', 'Renewal', 'Expansion', 'Upgrade', 'Pilot', 'Add-on seats'];
const SUBJECTS = ['Cannot log in', 'Invoice question', 'Export fails', 'Change of address', 'Refund request', 'Sync is slow', 'Contract renewal', 'Password reset', 'Missing delivery', 'API limit reached'];
const CONTACTS = ['email', 'phone', 'chat'];
const PRIORITIES = ['Low', 'Normal', 'High', 'Urgent'];
/** Forecast categories by the stage an opportunity is in. */
const CATEGORY: Record<string, string> = { Won: 'closed', Negotiation: 'commit', Proposal: 'best_case', Qualified: 'pipeline', Lead: 'omitted' };
const DAY = 86_400_000;
const SALES = DEMO_AGENTS.filter((a) => a.team === 'Sales');

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whether any of `values` passes a filter: no filter passes everything; an array is a set of values. */
export function matches(filter: Filter, ...values: Array<string | null>): boolean {
  if (filter === undefined || filter === '') return true;
  const wanted = (Array.isArray(filter) ? filter : [filter]).map(String);
  return values.some((v) => v !== null && wanted.includes(v));
}

/**
 * The demo CRM's records: `<metric>_records` answers the rows behind a number. Service metrics
 * (`agents_records`, `tickets_resolved_records`, `open_cases_records`, …) answer cases; the rest
 * (`funnel_records`, `campaigns_records`, `revenue_records`, `pipeline_value_records`, …) answer
 * opportunities. The records of one range are the same in every query (drill from the funnel or
 * from a campaign and an opportunity has the same name, owner and amount), and as many as the
 * demo's leads and tickets of that range. Filters: `stage` (for `funnel_records` the stage
 * reached, as the funnel counts; otherwise the stage the deal is in), `campaign`, `channel`,
 * `owner` (an agent's id or name), `team`, `category` (forecast category), and for cases
 * `status` and `priority`; `limit` keeps the first records. Live: on each tick a few records
 * change (an amount is revised, a deal moves a stage on, a new lead takes the place of one that is
 * lost or aged out of the range; a case is resolved, a new one takes the place of an old resolved
 * one). The number of records stays the same however long it runs, and so do the shares of stages
 * and statuses, about.
 */
export function recordsSimulation(q: MetricQuery, now: () => number): RecordsSimulation {
  const base = q.metric.replace(/_records$/, '');
  const rangeName = q.range && DEMO_RANGES[q.range] ? q.range : 'this_quarter';
  const range = DEMO_RANGES[rangeName]!;
  const span = range.points * range.stepMs;
  // One population per range and kind, whatever the filters: seeded from them alone.
  const population = seededRandom(hashString(`records|${CASE_METRICS.has(base) ? 'cases' : 'opportunities'}|${rangeName}`));
  return CASE_METRICS.has(base) ? cases(q, base, population, now, range.share, span) : opportunities(q, base, population, now, range.share, span);
}

interface Opportunity {
  id: string;
  name: string;
  owner: (typeof SALES)[number];
  stage: number;
  amount: number;
  /** The amount first quoted: revisions stay within ±15 % of it. */
  quoted: number;
  closeDay: number;
  campaign: (typeof DEMO_CAMPAIGNS)[number];
}

function opportunities(q: MetricQuery, base: string, population: () => number, now: () => number, share: number, span: number): RecordsSimulation {
  const today = Math.floor(now() / DAY) * DAY;
  const leadWeights = DEMO_CAMPAIGNS.map((c) => c.leads);
  const totalLeads = leadWeights.reduce((a, b) => a + b, 0);
  let next = 10_000;
  const make = (r: () => number, fresh = false): Opportunity => {
    // The furthest stage reached, with the funnel's shares of leads.
    const x = r();
    let stage = 0;
    DEMO_STAGES.forEach(([, s], i) => (x < s ? (stage = i) : undefined));
    if (fresh) stage = 0;
    let c = r() * totalLeads;
    const campaign = DEMO_CAMPAIGNS.find((_, i) => (c -= leadWeights[i]!) < 0) ?? DEMO_CAMPAIGNS[0]!;
    const won = stage === DEMO_STAGES.length - 1;
    // Most deals are small, a few are large: 2,000 € to about 150,000 €, in tens.
    const amount = Math.round((2_000 + 148_000 * r() ** 3) / 10) * 10;
    return {
      id: `opp-${next++}`,
      name: `${pick(ACCOUNTS, r)} — ${pick(DEALS, r)}`,
      owner: pick(SALES, r),
      stage,
      amount,
      quoted: amount,
      closeDay: won ? today - Math.floor(r() * span / DAY) * DAY : today + Math.ceil(r() * 90) * DAY,
      campaign,
    };
  };
  const count = Math.max(1, Math.round(DEMO_KPIS.new_leads!.base * share));
  const live = Array.from({ length: count }, () => make(population));
  const last = DEMO_STAGES.length - 1;
  const f = q.filters ?? {};
  const stageFilter = f.stage;
  const reachedIndex = (name: string) => DEMO_STAGES.findIndex(([s]) => s === name);
  const passes = (o: Opportunity) =>
    (base === 'revenue' || base === 'win_rate' ? o.stage === last : base === 'pipeline_value' ? o.stage < last : true) &&
    (base === 'funnel'
      ? stageFilter === undefined || stageFilter === '' || (Array.isArray(stageFilter) ? stageFilter : [stageFilter]).some((s) => reachedIndex(String(s)) >= 0 && o.stage >= reachedIndex(String(s)))
      : matches(stageFilter, DEMO_STAGES[o.stage]![0])) &&
    matches(f.campaign, o.campaign.campaign) &&
    matches(f.channel, o.campaign.channel) &&
    matches(f.owner, o.owner.id, o.owner.name) &&
    matches(f.team, o.owner.team) &&
    (f.category === undefined || f.category === '' || matches(Array.isArray(f.category) ? f.category.map(categoryKey) : categoryKey(f.category), CATEGORY[DEMO_STAGES[o.stage]![0]]!));
  return {
    fields: [
      { name: 'name', type: 'string', label: 'Opportunity' },
      { name: 'owner', type: 'string', label: 'Owner' },
      { name: 'stage', type: 'string', label: 'Stage' },
      { name: 'amount', type: 'number', unit: 'EUR', label: 'Amount' },
      { name: 'closeDate', type: 'time', label: 'Close date' },
      { name: 'campaign', type: 'string', label: 'Campaign' },
    ],
    step(random) {
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const at = Math.floor(random() * live.length);
        const o = live[at]!;
        const action = random();
        if (action < 0.4) o.amount = Math.max(500, Math.round((o.quoted * (0.85 + random() * 0.3)) / 10) * 10);
        else if (action < 0.7) {
          if (o.stage < last) o.stage++;
          if (o.stage === last) o.closeDay = today;
        } else {
          // Lost, or won and aged out of the range: a new lead takes its place. As many move a
          // stage on as drop out, so the stages keep about the funnel's shares (half reach
          // Qualified, one in sixteen is won).
          live.splice(at, 1);
          live.push(make(random, true));
        }
      }
    },
    rows() {
      const rows: Row[] = [];
      for (const o of live) {
        if (!passes(o)) continue;
        const stage = DEMO_STAGES[o.stage]![0];
        rows.push({
          id: o.id,
          name: o.name,
          owner: o.owner.name,
          ownerId: o.owner.id,
          team: o.owner.team,
          stage,
          category: CATEGORY[stage]!,
          amount: o.amount,
          closeDate: isoDay(o.closeDay),
          campaign: o.campaign.campaign,
          channel: o.campaign.channel,
          href: `#opportunity/${o.id}`,
        });
        if (q.limit && rows.length >= q.limit) break;
      }
      return rows;
    },
  };
}

interface Case {
  id: string;
  subject: string;
  agent: (typeof DEMO_AGENTS)[number];
  status: 'Open' | 'Pending' | 'Resolved';
  priority: string;
  contact: string;
  openedAt: number;
  handleTime: number | null;
}

function cases(q: MetricQuery, base: string, population: () => number, now: () => number, share: number, span: number): RecordsSimulation {
  const start = now();
  let next = 50_000;
  const make = (r: () => number, fresh = false): Case => {
    const x = r();
    const status = fresh ? 'Open' : x < 0.08 ? 'Open' : x < 0.12 ? 'Pending' : 'Resolved';
    return {
      id: `case-${next++}`,
      subject: pick(SUBJECTS, r),
      agent: pick(DEMO_AGENTS, r),
      status,
      priority: PRIORITIES[Math.min(3, Math.floor(r() ** 2 * 4))]!,
      contact: pick(CONTACTS, r),
      openedAt: fresh ? now() : start - Math.floor(r() * span),
      handleTime: status === 'Resolved' ? Math.round(120 + r() * 600) : null,
    };
  };
  const count = Math.max(1, Math.round(DEMO_KPIS.tickets_resolved!.base * share));
  const live = Array.from({ length: count }, () => make(population));
  const f = q.filters ?? {};
  const passes = (c: Case) =>
    (base === 'open_cases' ? c.status !== 'Resolved' : true) &&
    matches(f.owner, c.agent.id, c.agent.name) &&
    matches(f.team, c.agent.team) &&
    matches(f.status, c.status) &&
    matches(f.priority, c.priority);
  return {
    fields: [
      { name: 'name', type: 'string', label: 'Subject' },
      { name: 'owner', type: 'string', label: 'Agent' },
      { name: 'status', type: 'string', label: 'Status' },
      { name: 'priority', type: 'string', label: 'Priority' },
      { name: 'handleTime', type: 'number', unit: 's', label: 'Handle time' },
      { name: 'openedAt', type: 'time', label: 'Opened' },
    ],
    step(random) {
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const at = Math.floor(random() * live.length);
        const c = live[at]!;
        const action = random();
        if (c.status !== 'Resolved' && action < 0.6) {
          c.status = 'Resolved';
          c.handleTime = Math.round(120 + random() * 600);
        } else if (c.status === 'Resolved' && action < 0.06) {
          // An old resolved case ages out of the range as a new one comes in: one in ten stays open, as at the start.
          live.splice(at, 1);
          live.push(make(random, true));
        } else c.priority = pick(PRIORITIES, random);
      }
    },
    rows() {
      const rows: Row[] = [];
      for (const c of live) {
        if (!passes(c)) continue;
        rows.push({
          id: c.id,
          name: `${c.subject} (${c.id})`,
          owner: c.agent.name,
          ownerId: c.agent.id,
          team: c.agent.team,
          status: c.status,
          priority: c.priority,
          contact: c.contact,
          handleTime: c.handleTime,
          openedAt: c.openedAt,
          href: `#case/${c.id}`,
        });
        if (q.limit && rows.length >= q.limit) break;
      }
      return rows;
    },
  };
}
