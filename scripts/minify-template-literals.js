import ts from 'typescript';
import { minifyCss, minifyMarkup } from './template-minify.js';

const MINIFIERS = { css: minifyCss, html: minifyMarkup, svg: minifyMarkup };

/**
 * `source` (TypeScript) with the static parts of every Lit `css`, `html` and `svg` tagged template
 * minified (see template-minify.js). The literals are found by TypeScript's parser, so templates
 * nested in other templates' interpolations are handled, and nothing else in the file changes.
 */
export function minifyTemplateLiterals(source, fileName = 'module.ts') {
  if (!/\b(css|html|svg)`/.test(source)) return source;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text in MINIFIERS) {
      const minify = MINIFIERS[node.tag.text];
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        // Between the opening `` ` `` or `}` and the closing `` ` `` or `${`.
        const start = part.getStart(file) + 1;
        const end = part.getEnd() - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        edits.push({ start, end, text: minify(source.slice(start, end)) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
  return out;
}
