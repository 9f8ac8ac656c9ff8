import { expect } from '@open-wc/testing';
import { queryKey } from '../../src/data/query-key.js';

describe('queryKey', () => {
  it('is the same whatever the order of the query keys', () => {
    expect(queryKey({ metric: 'revenue', range: 'today', compare: 'previous_year' })).to.equal(
      queryKey({ compare: 'previous_year', range: 'today', metric: 'revenue' }),
    );
  });

  it('is the same whatever the order of the filter keys', () => {
    expect(queryKey({ metric: 'agents', filters: { team: 'Sales', channel: 'direct' } })).to.equal(
      queryKey({ metric: 'agents', filters: { channel: 'direct', team: 'Sales' } }),
    );
  });

  it('is the same whatever the order of a filter’s values (a set)', () => {
    expect(queryKey({ metric: 'campaigns', filters: { channel: ['partner', 'direct'] } })).to.equal(
      queryKey({ metric: 'campaigns', filters: { channel: ['direct', 'partner'] } }),
    );
    expect(queryKey({ metric: 'agents', filters: { region: [3, 1, 2] } })).to.equal(queryKey({ metric: 'agents', filters: { region: [1, 2, 3] } }));
  });

  it('undefined values count as absent', () => {
    expect(queryKey({ metric: 'revenue', range: undefined, limit: undefined, filters: undefined })).to.equal(queryKey({ metric: 'revenue' }));
  });

  it('different filters give different keys', () => {
    const keys = new Set([
      queryKey({ metric: 'agents' }),
      queryKey({ metric: 'agents', filters: { team: 'Sales' } }),
      queryKey({ metric: 'agents', filters: { team: 'Service' } }),
      queryKey({ metric: 'agents', filters: { team: ['Sales', 'Service'] } }),
      queryKey({ metric: 'agents', filters: { region: 1 } }),
      queryKey({ metric: 'agents', filters: { region: '1' } }),
    ]);
    expect(keys.size).to.equal(6);
  });

  it('different metrics, ranges, comparisons and limits give different keys', () => {
    const keys = new Set([
      queryKey({ metric: 'revenue' }),
      queryKey({ metric: 'new_leads' }),
      queryKey({ metric: 'revenue', range: 'today' }),
      queryKey({ metric: 'revenue', compare: 'previous_year' }),
      queryKey({ metric: 'revenue', limit: 5 }),
    ]);
    expect(keys.size).to.equal(5);
  });

  it('dimension order matters: it is the grouping order', () => {
    expect(queryKey({ metric: 'revenue', dimensions: ['campaign', 'channel'] })).not.to.equal(
      queryKey({ metric: 'revenue', dimensions: ['channel', 'campaign'] }),
    );
  });

  it('does not change the query it is given', () => {
    const q = { metric: 'campaigns', filters: { channel: ['partner', 'direct'] } };
    queryKey(q);
    expect(q.filters.channel).to.deep.equal(['partner', 'direct']);
  });
});
