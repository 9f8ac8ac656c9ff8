import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
// @ts-expect-error -- a plain JS build helper without type declarations
import { minifyCss as minifyCssText, minifyMarkup } from '../../scripts/template-minify.js';
import { CrmCampaignRoi } from '../../src/campaign-roi.js';
import { CrmFunnel } from '../../src/funnel.js';
import { CrmKpi } from '../../src/kpi.js';
import { CrmLeaderboard } from '../../src/leaderboard.js';

/**
 * A `css` literal's body minified the way the build does it: each static part between
 * interpolations on its own (the build finds the parts with TypeScript's parser).
 */
const minifyCss = (body: string) =>
  body
    .split(/(\$\{[^}]*\})/)
    .map((part, i) => (i % 2 ? part : (minifyCssText as (text: string) => string)(part)))
    .join('');
const markup = minifyMarkup as (text: string) => string;

/**
 * The stylesheet's rules as the browser reads them. Custom properties keep their tokens as written,
 * so a space after a comma inside one (`var(--x, 2px)`) is taken out of both sides.
 */
function parsed(cssText: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
}

describe('template minifying (build step)', () => {
  it('every widget stylesheet means exactly the same to the browser after minifying, and is smaller', () => {
    for (const element of [CrmKpi, CrmFunnel, CrmCampaignRoi, CrmLeaderboard]) {
      for (const style of [element.styles].flat(Infinity) as CSSResult[]) {
        const original = style.cssText;
        const minified = minifyCss(original);
        const [after, before] = [parsed(minified), parsed(original)];
        for (let i = 0; i < before.length; i++) expect(after[i], `${element.name}, rule ${i}`).to.equal(before[i]);
        expect(after.length).to.equal(before.length);
        expect(minified.length).to.be.below(original.length);
      }
    }
  });

  it('drops comments and layout whitespace, keeps interpolations, strings and descendant spaces', () => {
    const source = "\n  /* why: it's the card */\n  :host(.x) :focus ,\n  .a > .b {\n    content: '  a, b: c ';\n    margin: 0 auto;\n  }\n  ${dark}\n";
    expect(minifyCss(source)).to.equal(" :host(.x) :focus,.a > .b{content:'  a, b: c ';margin:0 auto;}${dark} ");
  });

  it('markup keeps one space for each line break and its indentation, and draws the same', () => {
    const source = '\n      <div class="tile">\n        <span>Revenue</span>\n        <span>€1,200</span>  <b>a  b</b>\n      </div>\n    ';
    expect(markup(source)).to.equal(' <div class="tile"> <span>Revenue</span> <span>€1,200</span>  <b>a  b</b> </div> ');
    const [before, after] = [source, markup(source)].map((html) => {
      const host = document.createElement('div');
      host.innerHTML = html;
      document.body.append(host);
      const text = host.innerText;
      host.remove();
      return text;
    });
    expect(after).to.equal(before);
  });
});
