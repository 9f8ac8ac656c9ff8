import { expect } from '@open-wc/testing';
import { fitText, textWidth } from '../../../src/widgets/shared/chart-text.js';

const FONT = '400 12px sans-serif';

/** The plain way: try every cut from the longest down. */
function longestCut(text: string, maxWidth: number, minChars: number): string | null {
  if (textWidth(text, FONT) <= maxWidth) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n >= minChars; n--) {
    const candidate = `${chars.slice(0, n).join('').trimEnd()}…`;
    if (textWidth(candidate, FONT) <= maxWidth) return candidate;
  }
  return null;
}

describe('fitText', () => {
  it('fitText("Partner referrals", w) is the longest cut with "…" that fits w, for every width', () => {
    for (const text of ['Partner referrals', 'Spring webinar series', 'Qualified', 'Négociation élargie', 'A', '']) {
      const full = textWidth(text, FONT);
      for (let w = 0; w <= full + 10; w += 3) {
        const fitted = fitText(text, w, FONT);
        expect(fitted, `${text} in ${w}px`).to.equal(longestCut(text, w, 4));
        if (fitted !== null) expect(textWidth(fitted, FONT)).to.be.at.most(w);
      }
    }
  });

  it('keeps at least minChars letters, else gives null: a label is readable or absent', () => {
    expect(fitText('Negotiation', 1, FONT)).to.equal(null);
    expect(fitText('Negotiation', textWidth('Nego…', FONT), FONT)).to.equal('Nego…');
    expect(fitText('Negotiation', textWidth('Ne…', FONT), FONT, 2)).to.equal('Ne…');
  });
});
