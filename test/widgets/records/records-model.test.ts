import { expect } from '@open-wc/testing';
import { TestScheduler } from 'rxjs/testing';
import { take } from 'rxjs';
import { demoSource } from '../../../src/data/demo-source.js';
import type { MetricFrame, MetricQuery } from '../../../src/data/types.js';
import { recordHref } from '../../../src/widgets/records/record-href.js';
import { epochMs } from '../../../src/metrics/epoch-ms.js';
import { cellText } from '../../../src/widgets/records/records-cells.js';
import { fieldLabel, recordColumns } from '../../../src/widgets/records/records-columns.js';
import { normalizeFilters, parseFilters } from '../../../src/widgets/shared/filters.js';
import { recordsModel } from '../../../src/widgets/records/records-model.js';
import { nextSort, parseSort, sortRecords } from '../../../src/widgets/records/records-sort.js';

describe('records model', () => {
  it('parseFilters("stage=Proposal;owner=a12") reads pairs; blanks, names without values and bad escapes are handled', () => {
    expect(parseFilters('stage=Proposal;owner=a12')).to.deep.equal({ stage: 'Proposal', owner: 'a12' });
    expect(parseFilters(' stage = Proposal ; ; =x; y= ;campaign=Search%20ads%3B%20Q2;pct=100%')).to.deep.equal({ stage: 'Proposal', campaign: 'Search ads; Q2', pct: '100%' });
    expect(parseFilters('formula=a=b')).to.deep.equal({ formula: 'a=b' });
    expect(parseFilters('campaign=A%3BB%3DC;stage=Won')).to.deep.equal({ campaign: 'A;B=C', stage: 'Won' });
    expect(normalizeFilters({ a: '', b: null, c: 1, d: ['x'], e: undefined })).to.deep.equal({ c: 1, d: ['x'] });
    expect(normalizeFilters(42)).to.deep.equal({});
  });

  it('recordHref keeps http(s) and relative URLs only', () => {
    const base = 'https://crm.example.com/app/';
    expect(recordHref('/o/1', base)).to.equal('https://crm.example.com/o/1');
    expect(recordHref('o/1', base)).to.equal('https://crm.example.com/app/o/1');
    expect(recordHref('//evil.example/x', base)).to.equal('https://evil.example/x');
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'mailto:a@b.c', 'http://[', '', null, 7]) {
      expect(recordHref(bad, base), String(bad)).to.equal(null);
    }
  });

  it('sortRecords puts values it cannot read last in both directions and keeps ties in source order', () => {
    const model = recordsModel({ rows: [{ id: 1, amount: null }, { id: 2, amount: 5 }, { id: 3, amount: '12' }, { id: 4, amount: 5 }, { id: 5, amount: Number.NaN }], asOf: 0 })!;
    const columns = recordColumns({ rows: model.records.map((r) => r.row), asOf: 0 }, ['amount'], undefined);
    const ids = (dir: 'asc' | 'desc') => sortRecords(model.records, { column: 'amount', direction: dir }, columns, 'en').map((r) => r.id);
    expect(ids('asc')).to.deep.equal(['2', '4', '3', '1', '5']);
    expect(ids('desc')).to.deep.equal(['3', '2', '4', '1', '5']);
    expect(sortRecords(model.records, { column: 'nope', direction: 'asc' }, columns, 'en').map((r) => r.id)).to.deep.equal(['1', '2', '3', '4', '5']);
  });

  it('text sorts in the locale with numbers read as numbers: "Deal 9" before "Deal 10", "Äpfel" with "Apfel"', () => {
    const model = recordsModel({ rows: [{ name: 'Deal 10' }, { name: 'Zebra' }, { name: 'Äpfel' }, { name: 'Deal 9' }, { name: 'apfel' }], asOf: 0 })!;
    const columns = recordColumns({ rows: [], asOf: 0 }, ['name'], undefined);
    expect(sortRecords(model.records, { column: 'name', direction: 'asc' }, columns, 'de-DE').map((r) => r.row.name)).to.deep.equal(['Äpfel', 'apfel', 'Deal 9', 'Deal 10', 'Zebra']);
  });

  it('parseSort and nextSort: text starts ascending, numbers descending, the same column flips', () => {
    expect(parseSort('amount:DESC')).to.deep.equal({ column: 'amount', direction: 'desc' });
    expect(parseSort(' name ')).to.deep.equal({ column: 'name', direction: 'asc' });
    expect(parseSort('amount:sideways')).to.equal(null);
    expect(parseSort('')).to.equal(null);
    const [name, amount] = recordColumns({ rows: [], asOf: 0 }, ['name', 'amount'], 'EUR');
    expect(nextSort(null, name!)).to.deep.equal({ column: 'name', direction: 'asc' });
    expect(nextSort({ column: 'name', direction: 'asc' }, amount!)).to.deep.equal({ column: 'amount', direction: 'desc' });
    expect(nextSort({ column: 'amount', direction: 'desc' }, amount!)).to.deep.equal({ column: 'amount', direction: 'asc' });
  });

  it('fieldLabel("closeDate") is "Close date"; field kinds follow type and unit', () => {
    expect(fieldLabel('closeDate')).to.equal('Close date');
    expect(fieldLabel('deal_owner')).to.equal('Deal owner');
    const frame: MetricFrame = {
      rows: [],
      fields: [
        { name: 'a', type: 'number', unit: 'USD' },
        { name: 'b', type: 'number', unit: '%' },
        { name: 'c', type: 'time' },
        { name: 'dueDate', type: 'time' },
        { name: 'href', type: 'string' },
      ],
      asOf: 0,
    };
    expect(recordColumns(frame, [], undefined).map((c) => `${c.name}:${c.kind}:${c.currency ?? ''}`)).to.deep.equal(['a:money:USD', 'b:percent:', 'c:datetime:', 'dueDate:date:']);
    // The page's currency fills in for `amount` without a unit; a field's own currency wins.
    const withAmount: MetricFrame = { ...frame, fields: [...frame.fields!, { name: 'amount', type: 'number' }] };
    const money = recordColumns(withAmount, [], 'EUR').map((c) => `${c.name}:${c.currency ?? ''}`);
    expect(money).to.include('a:USD').and.to.include('amount:EUR');
  });

  it('cellText of a time beyond what a date holds (1e17 ms) is "—", not an exception', () => {
    const column = { name: 'closeDate', label: 'Close date', kind: 'date', currency: undefined } as const;
    expect(epochMs(1e17)).to.equal(null);
    expect(epochMs('2026-03-31')).to.equal(Date.UTC(2026, 2, 31));
    expect(cellText(1e17, column, 'en-US')).to.equal('—');
    expect(cellText(Date.UTC(2026, 2, 31), column, 'en-US')).to.match(/2026/);
  });
});

describe('demoSource records', () => {
  const NOW = Date.UTC(2026, 2, 15, 12);
  function frames(q: MetricQuery, n = 1): MetricFrame[] {
    const scheduler = new TestScheduler(() => {});
    const out: MetricFrame[] = [];
    demoSource({ seed: 7, intervalMs: 10, now: () => NOW, scheduler }).query(q).pipe(take(n)).subscribe((f) => out.push(f));
    scheduler.flush();
    return out;
  }

  it('funnel_records: opportunities with labelled fields, as many as the quarter has leads', () => {
    const [f] = frames({ metric: 'funnel_records' });
    expect(f!.rows).to.have.length(1840);
    expect(f!.fields!.map((x) => x.name)).to.deep.equal(['name', 'owner', 'stage', 'amount', 'closeDate', 'campaign']);
    expect(f!.fields!.find((x) => x.name === 'amount')!.unit).to.equal('EUR');
    const ids = new Set(f!.rows.map((r) => r.id));
    expect(ids.size).to.equal(1840);
    for (const r of f!.rows.slice(0, 50)) {
      expect(r.amount).to.be.a('number').within(500, 200_000);
      expect(String(r.closeDate)).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(String(r.href)).to.match(/^#opportunity\//);
    }
  });

  it('filters are honoured, and a record is the same whichever way it is reached', () => {
    const all = frames({ metric: 'funnel_records' })[0]!.rows;
    const proposal = frames({ metric: 'funnel_records', filters: { stage: 'Proposal' } })[0]!.rows;
    // The funnel counts deals that reached a stage: Proposal, Negotiation and Won.
    expect(proposal.length).to.be.within(all.length * 0.15, all.length * 0.3);
    expect(new Set(proposal.map((r) => r.stage))).to.deep.equal(new Set(['Proposal', 'Negotiation', 'Won']));
    const campaign = frames({ metric: 'campaigns_records', filters: { campaign: 'Search ads Q2', channel: 'direct' } })[0]!.rows;
    expect(campaign.length).to.be.greaterThan(0);
    expect(campaign.every((r) => r.campaign === 'Search ads Q2')).to.equal(true);
    const byId = new Map(all.map((r) => [r.id, r]));
    for (const r of campaign.slice(0, 20)) expect(r).to.deep.equal(byId.get(r.id));
    const owner = frames({ metric: 'revenue_records', filters: { owner: 'a03' } })[0]!.rows;
    expect(owner.every((r) => r.ownerId === 'a03' && r.stage === 'Won')).to.equal(true);
    expect(frames({ metric: 'funnel_records', filters: { team: 'Service' } })[0]!.rows).to.deep.equal([]);
    expect(frames({ metric: 'funnel_records', limit: 25 })[0]!.rows).to.have.length(25);
  });

  it('agents_records: cases; open_cases_records only the unresolved ones', () => {
    const cases = frames({ metric: 'agents_records', filters: { team: 'Service' } })[0]!;
    expect(cases.fields!.map((x) => x.label)).to.deep.equal(['Subject', 'Agent', 'Status', 'Priority', 'Handle time', 'Opened']);
    expect(cases.rows.every((r) => r.team === 'Service')).to.equal(true);
    const open = frames({ metric: 'open_cases_records' })[0]!.rows;
    expect(open.length).to.be.greaterThan(0);
    expect(open.every((r) => r.status !== 'Resolved')).to.equal(true);
  });

  it('is live: a few records change on each tick', () => {
    const [a, b, c] = frames({ metric: 'funnel_records' }, 3);
    const changed = (x: MetricFrame, y: MetricFrame) => {
      const before = new Map(x.rows.map((r) => [r.id, JSON.stringify(r)]));
      return y.rows.filter((r) => before.get(r.id) !== JSON.stringify(r)).length + Math.abs(x.rows.length - y.rows.length);
    };
    expect(changed(a!, b!)).to.be.within(1, 6);
    expect(changed(b!, c!)).to.be.within(1, 6);
  });
});
