import { expect } from '@open-wc/testing';
import { HttpError, MAX_RETRY_AFTER_MS, problemKind, retryAfterHeader, retryable, waitBeforeRetry } from '../../src/data/source-errors.js';
import { asConfirmation, sameContent } from '../../src/data/same-frame.js';

describe('retryable(error)', () => {
  for (const status of [408, 425, 429, 500, 502, 503, 504]) it(`retries HTTP ${status}`, () => expect(retryable(new HttpError(status, ''))).to.equal(true));
  for (const status of [400, 401, 403, 404, 410, 422]) it(`stops on HTTP ${status}`, () => expect(retryable(new HttpError(status, ''))).to.equal(false));

  it('retries what has no status: a network failure, a plain Error, a string', () => {
    expect(retryable(new TypeError('Failed to fetch'))).to.equal(true);
    expect(retryable(new Error('HTTP 401'))).to.equal(true);
    expect(retryable('boom')).to.equal(true);
    expect(retryable(null)).to.equal(true);
  });

  it('takes an error’s own retryable at its word, and reads status or statusCode', () => {
    expect(retryable(Object.assign(new Error('x'), { status: 503, retryable: false }))).to.equal(false);
    expect(retryable(new HttpError(403, 'limit', 0, { retryable: true }))).to.equal(true);
    expect(retryable({ statusCode: 404 })).to.equal(false);
  });
});

describe('problemKind(error)', () => {
  it('names what the tile says', () => {
    expect(problemKind(new HttpError(401, ''))).to.equal('unauthorized');
    expect(problemKind(new HttpError(403, ''))).to.equal('forbidden');
    expect(problemKind(new HttpError(403, '', 0, { retryable: true }))).to.equal('rate-limited');
    expect(problemKind(new HttpError(404, ''))).to.equal('not-found');
    expect(problemKind(new HttpError(429, ''))).to.equal('rate-limited');
    expect(problemKind(new HttpError(502, ''))).to.equal('server');
    expect(problemKind(new TypeError('Failed to fetch'))).to.equal('unreachable');
    expect(problemKind(new Error('adapter bug'))).to.equal('failed');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates as ms from now; garbage is 0', () => {
    const now = Date.UTC(2024, 0, 1, 10, 0, 0);
    expect(retryAfterHeader('120', now)).to.equal(120_000);
    expect(retryAfterHeader('Mon, 01 Jan 2024 10:00:30 GMT', now)).to.equal(30_000);
    expect(retryAfterHeader('Mon, 01 Jan 2024 09:00:00 GMT', now)).to.equal(0);
    expect(retryAfterHeader('soon', now)).to.equal(0);
    expect(retryAfterHeader(null, now)).to.equal(0);
  });

  it('a wait is at least what the server asked, but never more than 10 minutes', () => {
    expect(waitBeforeRetry({ retryAfterMs: 5000 }, 300)).to.equal(5000);
    expect(waitBeforeRetry({ retryAfterMs: 100 }, 300)).to.equal(300);
    expect(waitBeforeRetry({ retryAfterMs: 86_400_000 }, 300)).to.equal(MAX_RETRY_AFTER_MS);
    expect(waitBeforeRetry({ retryAfterMs: Number.NaN }, 300)).to.equal(300);
  });
});

describe('sameContent / asConfirmation', () => {
  const a = { rows: [{ v: 1, n: 'x' }, { v: 2, n: null }], fields: [{ name: 'v', type: 'number' as const }], asOf: 1 };
  it('frames with equal cells are the same, whatever their asOf; one different cell is not', () => {
    expect(sameContent(a, { ...a, rows: [{ v: 1, n: 'x' }, { n: null, v: 2 }], asOf: 2 })).to.equal(true);
    expect(sameContent(a, { ...a, rows: [{ v: 1, n: 'x' }, { v: 3, n: null }] })).to.equal(false);
    expect(sameContent(a, { ...a, rows: [{ v: 1, n: 'x' }] })).to.equal(false);
    expect(sameContent(a, { ...a, fields: undefined })).to.equal(false);
    expect(sameContent({ rows: [{ v: Number.NaN }], asOf: 1 }, { rows: [{ v: Number.NaN }], asOf: 2 })).to.equal(true);
  });

  it('an equal frame becomes a confirmation: the previous rows and fields, the new asOf', () => {
    const next = { rows: [{ v: 1, n: 'x' }, { v: 2, n: null }], fields: [{ name: 'v', type: 'number' as const }], asOf: 5 };
    const confirmed = asConfirmation(a, next);
    expect(confirmed.rows).to.equal(a.rows);
    expect(confirmed.fields).to.equal(a.fields);
    expect(confirmed.asOf).to.equal(5);
    const changed = { ...next, rows: [{ v: 9 }] };
    expect(asConfirmation(a, changed)).to.equal(changed);
    expect(asConfirmation(a, null as never)).to.equal(null);
  });
});
