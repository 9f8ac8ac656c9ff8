import { expect } from '@open-wc/testing';
import { avatarUrl } from '../../../src/widgets/leaderboard/avatar.js';

describe('avatarUrl', () => {
  it('resolves relative pictures against the given base, else the document', () => {
    expect(avatarUrl('/people/ana.png', 'https://crm.example/app/')).to.equal('https://crm.example/people/ana.png');
    expect(avatarUrl('ana.png')).to.equal(new URL('ana.png', document.baseURI).href);
  });

  it('an empty value is no picture, without looking at the document (every row of every update asks)', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Node.prototype, 'baseURI')!;
    let asked = 0;
    Object.defineProperty(Node.prototype, 'baseURI', { configurable: true, get: () => (asked++, 'https://crm.example/') });
    try {
      expect(avatarUrl('')).to.equal(null);
      expect(asked).to.equal(0);
    } finally {
      Object.defineProperty(Node.prototype, 'baseURI', descriptor);
    }
  });

  it('only http(s) and inline images load', () => {
    expect(avatarUrl('javascript:alert(1)', 'https://crm.example/')).to.equal(null);
    expect(avatarUrl('data:text/html,hi', 'https://crm.example/')).to.equal(null);
    expect(avatarUrl('data:image/png;base64,AAAA', 'https://crm.example/')).to.equal('data:image/png;base64,AAAA');
  });
});
