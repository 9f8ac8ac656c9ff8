import { nothing } from 'lit';
import { Directive, type ElementPart, type PartInfo, PartType, directive } from 'lit/directive.js';

/**
 * Sets CSS properties through the CSSOM (`element.style.setProperty`), every time including the
 * first. Lit's `styleMap` writes a `style="…"` attribute on first render, which a strict
 * Content-Security-Policy (`style-src` without `'unsafe-inline'`) blocks; CSSOM writes are allowed.
 *
 * @example
 * html`<div ${inlineStyle({ transform: `scaleX(${ratio})` })}></div>`
 */
class InlineStyleDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('inlineStyle() goes in element position: <div ${inlineStyle(…)}>');
  }

  render(_styles: Readonly<Record<string, string | number | null | undefined>>) {
    return nothing;
  }

  override update(part: ElementPart, [styles]: [Readonly<Record<string, string | number | null | undefined>>]) {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.#previous) if (!(name in styles)) style.removeProperty(name);
    this.#previous = new Set();
    for (const [name, value] of Object.entries(styles)) {
      if (value === null || value === undefined) style.removeProperty(name);
      else {
        style.setProperty(name, String(value));
        this.#previous.add(name);
      }
    }
    return nothing;
  }
}

export const inlineStyle = directive(InlineStyleDirective);
