/**
 * Takes the comments and the layout whitespace out of the static parts of Lit `css` literals, so
 * that the stylesheets a page downloads carry only the rules (about 0.5 KiB gzipped per widget).
 * The sources keep their comments, which explain the rules; `npm run build` and `npm run size` both
 * apply this, so what is measured is what ships. Interpolations (`${…}`) are left as they are.
 *
 * Only whitespace that CSS never needs goes: runs of it become one space, none is kept beside `{`,
 * `}`, `;` and `,`, nor after a colon. The space before a colon stays (`a :hover` ≠ `a:hover`), and
 * so do combinators' spaces and everything inside quotes.
 */
export function minifyCssLiterals(source) {
  return source.replace(/\bcss`((?:[^`\\]|\\.)*)`/g, (_literal, body) => `css\`${minifyCss(body)}\``);
}

function minifyCss(body) {
  // Interpolations and quoted strings are kept verbatim; everything between them is minified.
  // Comments go first: an apostrophe in a comment would otherwise read as the start of a string.
  return body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/(\$\{[^}]*\}|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, i) => (i % 2 ? part : minifyRules(part)))
    .join('');
}

function minifyRules(text) {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':');
}
