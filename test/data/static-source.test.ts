import { expect } from '@open-wc/testing';
import { type Observable, firstValueFrom, toArray } from 'rxjs';
import { staticSource } from '../../src/data/static-source.js';
import type { FrameField, MetricFrame, MetricQuery } from '../../src/data/types.js';

const all = (o: Observable<MetricFrame>) => firstValueFrom(o.pipe(toArray()));

describe('staticSource', () => {
  it('answers rows for a metric, stamped with options.asOf, then completes', async () => {
    const crm = staticSource({ revenue: [{ value: 1234567, previous: 1000000 }] }, { asOf: 1_700_000_000_000 });
    expect(await all(crm.query({ metric: 'revenue' }))).to.deep.equal([{ rows: [{ value: 1234567, previous: 1000000 }], asOf: 1_700_000_000_000 }]);
  });

  it('stamps asOf with the current time when options.asOf is not given', async () => {
    const before = Date.now();
    const [frame] = await all(staticSource({ revenue: [{ value: 1 }] }).query({ metric: 'revenue' }));
    expect(frame!.asOf).to.be.within(before, Date.now());
  });

  it('answers a whole frame as it is, fields and asOf included', async () => {
    const whole: MetricFrame = { rows: [{ value: 0.318 }], fields: [{ name: 'value', type: 'number', unit: '%' }], asOf: 42 };
    const [frame] = await all(staticSource({ win_rate: whole }, { asOf: 7 }).query({ metric: 'win_rate' }));
    expect(frame).to.equal(whole);
  });

  it('calls a function entry with the query and answers its rows', async () => {
    const asked: MetricQuery[] = [];
    const crm = staticSource(
      {
        agents: (q) => {
          asked.push(q);
          return [{ name: 'Li Wei', team: String(q.filters?.team), value: 3 }];
        },
      },
      { asOf: 1 },
    );
    const [frame] = await all(crm.query({ metric: 'agents', filters: { team: 'Sales' } }));
    expect(asked).to.deep.equal([{ metric: 'agents', filters: { team: 'Sales' } }]);
    expect(frame).to.deep.equal({ rows: [{ name: 'Li Wei', team: 'Sales', value: 3 }], asOf: 1 });
  });

  it('a function entry may answer a whole frame', async () => {
    const crm = staticSource({ revenue: (q) => ({ rows: [{ value: q.range === 'today' ? 1 : 2 }], asOf: 5 }) });
    expect(await all(crm.query({ metric: 'revenue', range: 'today' }))).to.deep.equal([{ rows: [{ value: 1 }], asOf: 5 }]);
  });

  it('an unknown metric answers empty rows, not an error', async () => {
    expect(await all(staticSource({ revenue: [{ value: 1 }] }, { asOf: 3 }).query({ metric: 'churn' }))).to.deep.equal([{ rows: [], asOf: 3 }]);
  });

  it('adds options.fields for the metric to answers given as rows', async () => {
    const fields: FrameField[] = [{ name: 'value', type: 'number', unit: 'EUR', label: 'Revenue' }];
    const crm = staticSource({ revenue: [{ value: 1 }], new_leads: [{ value: 2 }] }, { fields: { revenue: fields }, asOf: 0 });
    expect((await all(crm.query({ metric: 'revenue' })))[0]!.fields).to.deep.equal(fields);
    expect((await all(crm.query({ metric: 'new_leads' })))[0]).not.to.have.property('fields');
  });

  it('answers every subscription, not just the first', async () => {
    const query = staticSource({ revenue: [{ value: 1 }] }, { asOf: 0 }).query({ metric: 'revenue' });
    expect(await all(query)).to.have.length(1);
    expect(await all(query)).to.have.length(1);
  });
});
