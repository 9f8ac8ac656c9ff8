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
        const text = source.slice(start, end);
        const risk = riskIn(node.tag.text, text);
        if (risk) {
          const { line } = file.getLineAndCharacterOfPosition(start);
          throw new Error(`${fileName}:${line + 1}: a ${node.tag.text}\` template has ${risk}, which minifying would change; write it another way`);
        }
        edits.push({ start, end, text: minify(text) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/**
 * What the minifiers would change the meaning of. None is in the sources today; the build refuses
 * one that appears rather than shipping a silently different template.
 */
function riskIn(tag, text) {
  if (/\\\r?\n/.test(text)) return 'a line continuation';
  if (tag === 'css') return commentOpenerInString(text) ? 'a comment opener inside a string' : null;
  if (/<(pre|textarea|listing)\b/i.test(text)) return 'preformatted content';
  if (/=\s*(["'])[^"'`]*\n[^"'`]*\1/.test(text)) return 'an attribute value across lines';
  return null;
}

/** Whether a CSS string holds `/*` (comments are skipped: an apostrophe in one starts no string). */
function commentOpenerInString(css) {
  let quote = null;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      else if (c === '/' && css[i + 1] === '*') return true;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 1;
    } else if (c === '"' || c === "'") quote = c;
  }
  return false;
}
