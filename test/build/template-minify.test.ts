import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
// @ts-expect-error -- a plain JS build helper without type declarations
import { minifyCssLiterals } from '../../scripts/css-literals.js';
import { CrmCampaignRoi } from '../../src/campaign-roi.js';
import { CrmFunnel } from '../../src/funnel.js';
import { CrmKpi } from '../../src/kpi.js';
import { CrmLeaderboard } from '../../src/leaderboard.js';

const minify = minifyCssLiterals as (source: string) => string;

/**
 * The stylesheet's rules as the browser reads them. Custom properties keep their tokens as written,
 * so a space after a comma inside one (`var(--x, 2px)`) is taken out of both sides.
 */
function parsed(cssText: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
}

/** The body of the one css`…` literal in `source`. */
function body(source: string): string {
  return /css`([\s\S]*)`/.exec(source)![1]!;
}

describe('minifyCssLiterals (build step)', () => {
  it('every widget stylesheet means exactly the same to the browser after minifying, and is smaller', () => {
    for (const element of [CrmKpi, CrmFunnel, CrmCampaignRoi, CrmLeaderboard]) {
      for (const style of [element.styles].flat(Infinity) as CSSResult[]) {
        const original = style.cssText;
        const minified = body(minify(`const s = css\`${original}\`;`));
        const [after, before] = [parsed(minified), parsed(original)];
        for (let i = 0; i < before.length; i++) expect(after[i], `${element.name}, rule ${i}`).to.equal(before[i]);
        expect(after.length).to.equal(before.length);
        expect(minified.length).to.be.below(original.length);
      }
    }
  });

  it('drops comments and layout whitespace, keeps interpolations, strings and descendant spaces', () => {
    const source = "const a = css`\n  /* why: it's the card */\n  :host(.x) :focus ,\n  .a > .b {\n    content: '  a, b: c ';\n    margin: 0 auto;\n  }\n  ${dark}\n`;";
    expect(body(minify(source))).to.equal(" :host(.x) :focus,.a > .b{content:'  a, b: c ';margin:0 auto;}${dark} ");
  });

  it('leaves code outside css literals alone', () => {
    const source = 'const t = html`<p>  two  spaces  </p>`; const n = 1 /* kept */;';
    expect(minify(source)).to.equal(source);
  });
});
