import { expect } from '@open-wc/testing';
import { type Messages, messagesFor } from '../../src/format/messages.js';

describe('messagesFor', () => {
  it("messagesFor('de-DE') is German", () => {
    const m = messagesFor('de-DE');
    expect(m.loading).to.equal('Wird geladen…');
    expect(m.waitingForSource('crm')).to.equal('Warte auf Datenquelle „crm“…');
    expect(m.vsPrevious.previous_year).to.equal('ggü. Vorjahr');
    expect(m.ofTarget('82 %', '1,5 Mio. €')).to.equal('82 % vom Ziel 1,5 Mio. €');
    expect(m.asOf('10:42')).to.equal('Stand 10:42');
  });

  it('every German locale gets German, whatever the case', () => {
    for (const locale of ['de', 'de-AT', 'de-CH', 'DE-de']) expect(messagesFor(locale).retry, locale).to.equal('Erneut versuchen');
  });

  it("messagesFor('en-US') is English, and other languages fall back to English", () => {
    for (const locale of ['en-US', 'en-GB', 'fr-FR', 'ja-JP']) {
      const m = messagesFor(locale);
      expect(m.loading, locale).to.equal('Loading…');
      expect(m.waitingForSource('crm')).to.equal('Waiting for data source “crm”…');
      expect(m.ofTarget('82%', '€1.5M')).to.equal('82% of target €1.5M');
    }
  });

  it('German and English have every message, none empty, none the same as the other', () => {
    const de = messagesFor('de-DE');
    const en = messagesFor('en-US');
    const texts = (m: Messages) =>
      Object.entries(m).flatMap(([key, v]) =>
        typeof v === 'function' ? [[key, (v as (...a: string[]) => string)('A', 'B')]] : typeof v === 'object' ? Object.entries(v as object) : [[key, v]],
      ) as Array<[string, string]>;
    const deTexts = texts(de);
    const enTexts = texts(en);
    expect(deTexts.map(([k]) => k)).to.deep.equal(enTexts.map(([k]) => k));
    deTexts.forEach(([key, text], i) => {
      expect(text, key).to.be.a('string').and.not.empty;
      expect(text, key).not.to.equal(enTexts[i]![1]);
    });
  });
});
