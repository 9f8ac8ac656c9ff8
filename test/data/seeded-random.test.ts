import { expect } from '@open-wc/testing';
import { hashString, seededRandom } from '../../src/data/seeded-random.js';

const draw = (random: () => number, n: number) => Array.from({ length: n }, random);

describe('seededRandom', () => {
  it('seededRandom(42) gives the same sequence every time', () => {
    expect(draw(seededRandom(42), 20)).to.deep.equal(draw(seededRandom(42), 20));
  });

  it('different seeds give different sequences', () => {
    expect(draw(seededRandom(1), 5)).not.to.deep.equal(draw(seededRandom(2), 5));
  });

  it('every value is in [0, 1) and they spread over the range', () => {
    const values = draw(seededRandom(7), 2000);
    for (const v of values) expect(v).to.be.at.least(0).and.below(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).to.be.closeTo(0.5, 0.05);
    expect(Math.min(...values)).to.be.below(0.01);
    expect(Math.max(...values)).to.be.above(0.99);
  });
});

describe('hashString', () => {
  it('hashString("") is the FNV-1a offset basis 0x811c9dc5', () => {
    expect(hashString('')).to.equal(0x811c9dc5);
  });

  it('hashString("a") is the FNV-1a hash 0xe40c292c', () => {
    expect(hashString('a')).to.equal(0xe40c292c);
  });

  it('differs by text and by seed, and is an unsigned 32-bit integer', () => {
    expect(hashString('revenue')).not.to.equal(hashString('new_leads'));
    expect(hashString('revenue', 1)).not.to.equal(hashString('revenue', 2));
    for (const text of ['revenue', 'x'.repeat(1000), 'Elif Yılmaz']) {
      const h = hashString(text);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).to.equal(true);
    }
  });
});
