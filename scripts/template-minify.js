/**
 * What the shipped templates leave out: the comments and the layout whitespace that the sources keep
 * for their readers. Pure string functions, applied to the static parts of Lit's `css`, `html` and
 * `svg` literals by minify-template-literals.js (for `npm run build` and `npm run size` alike, so
 * that what is measured is what ships), and tested in the browser to leave every rule unchanged.
 */

/**
 * A stylesheet's static text without comments and with only the whitespace CSS needs: runs of it
 * become one space, none is kept beside `{`, `}`, `;` and `,`, nor after a colon. The space before
 * a colon stays (`a :hover` ≠ `a:hover`), and so do combinators' spaces and everything in quotes.
 */
export function minifyCss(text) {
  // Comments go first: an apostrophe in a comment would otherwise read as the start of a string.
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, i) => (i % 2 ? part : minifyRules(part)))
    .join('');
}

function minifyRules(text) {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':');
}

/**
 * A template's static markup with each line break and the indentation around it as one space.
 * HTML and SVG draw any run of whitespace as one space, so nothing on screen changes; no template
 * here uses `<pre>` or `white-space: pre`.
 */
export function minifyMarkup(text) {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}
