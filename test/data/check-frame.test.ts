import { expect } from '@open-wc/testing';
import { frameProblem } from '../../src/data/check-frame.js';

describe('frameProblem', () => {
  it('good frames pass: rows of objects, with or without asOf and fields', () => {
    expect(frameProblem({ rows: [], asOf: 0 })).to.equal(undefined);
    expect(frameProblem({ rows: [{ value: 1 }, { value: null, name: 'x' }], asOf: 1_700_000_000_000 })).to.equal(undefined);
    expect(frameProblem({ rows: [{ value: 1 }] })).to.equal(undefined);
    expect(frameProblem({ rows: [{ value: 'n/a' }], fields: [{ name: 'value', type: 'number' }], asOf: 1 })).to.equal(undefined);
  });

  it('a non-object says what it got', () => {
    expect(frameProblem(null)).to.equal('expected a frame object, got null');
    expect(frameProblem(undefined)).to.equal('expected a frame object, got undefined');
    expect(frameProblem('rows')).to.equal('expected a frame object, got string');
    expect(frameProblem(42)).to.equal('expected a frame object, got number');
  });

  it('rows that are not an array say so', () => {
    expect(frameProblem({ asOf: 1 })).to.equal('frame.rows must be an array, got undefined');
    expect(frameProblem({ rows: { value: 1 }, asOf: 1 })).to.equal('frame.rows must be an array, got object');
    expect(frameProblem({ rows: null, asOf: 1 })).to.equal('frame.rows must be an array, got null');
    expect(frameProblem([{ value: 1 }])).to.equal('frame.rows must be an array, got undefined');
  });

  it('a row that is not an object names its index', () => {
    expect(frameProblem({ rows: [{ value: 1 }, 5], asOf: 1 })).to.equal('frame.rows[1] must be an object, got number');
    expect(frameProblem({ rows: [null], asOf: 1 })).to.equal('frame.rows[0] must be an object, got null');
    expect(frameProblem({ rows: [{}, {}, [1, 2]], asOf: 1 })).to.equal('frame.rows[2] must be an object, got an array');
  });

  it('an asOf that is not a number says so', () => {
    expect(frameProblem({ rows: [], asOf: '2024-05-01T10:00:00Z' })).to.equal('frame.asOf must be epoch milliseconds, got string');
    expect(frameProblem({ rows: [], asOf: null })).to.equal('frame.asOf must be epoch milliseconds, got null');
  });
});
