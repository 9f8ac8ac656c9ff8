import { expect } from '@open-wc/testing';
import { TestScheduler } from 'rxjs/testing';

/** A TestScheduler whose assertions are chai deep-equal, for marble tests. */
export const testScheduler = () => new TestScheduler((actual, expected) => {
    expect(actual).to.deep.equal(expected);
  });
