import { expect, fixture, html } from '@open-wc/testing';
import { resolveLocale } from '../../src/format/locale.js';

const browser = () => navigator.language;

describe('resolveLocale', () => {
  it('an explicit locale wins over every lang', async () => {
    const el = await fixture(html`<div lang="de-DE"><span lang="fr-FR"><b></b></span></div>`);
    expect(resolveLocale(el.querySelector('b')!, 'ja-JP')).to.equal('ja-JP');
  });

  it('without one, the nearest lang up the tree', async () => {
    const el = await fixture(html`<div lang="de-DE"><span lang="fr-FR"><b></b></span><i></i></div>`);
    expect(resolveLocale(el.querySelector('b')!)).to.equal('fr-FR');
    expect(resolveLocale(el.querySelector('i')!, null)).to.equal('de-DE');
    expect(resolveLocale(el)).to.equal('de-DE');
  });

  it('the element’s own lang counts', async () => {
    const el = await fixture(html`<div lang="de-DE"><b lang="it-IT"></b></div>`);
    expect(resolveLocale(el.querySelector('b')!)).to.equal('it-IT');
  });

  it('follows the tree out of a shadow root to its host', async () => {
    const outer = await fixture(html`<section lang="de-CH"><div></div></section>`);
    const host = outer.querySelector('div')!;
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    expect(resolveLocale(inner)).to.equal('de-CH');
  });

  it('a lang inside the shadow root is nearer than the host’s', async () => {
    const host = await fixture(html`<div lang="de-DE"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const wrapper = document.createElement('p');
    wrapper.lang = 'fr-FR';
    const inner = document.createElement('span');
    wrapper.append(inner);
    root.append(wrapper);
    expect(resolveLocale(inner)).to.equal('fr-FR');
  });

  it('an invalid explicit locale is skipped for the nearest lang', async () => {
    const el = await fixture(html`<div lang="de-DE"><b></b></div>`);
    expect(resolveLocale(el.querySelector('b')!, 'de_DE')).to.equal('de-DE');
    expect(resolveLocale(el.querySelector('b')!, 'not a locale')).to.equal('de-DE');
    expect(resolveLocale(el.querySelector('b')!, '')).to.equal('de-DE');
  });

  it('an invalid or empty lang is skipped for the next one further up', async () => {
    const el = await fixture(html`<div lang="de-DE"><span lang="en_US"><b lang=""></b></span></div>`);
    expect(resolveLocale(el.querySelector('b')!)).to.equal('de-DE');
  });

  it('with no lang anywhere, the browser’s language', () => {
    const detached = document.createElement('span');
    expect(resolveLocale(detached)).to.equal(browser());
    expect(resolveLocale(detached, '%%')).to.equal(browser());
  });

  it('what it returns always formats without throwing', async () => {
    const el = await fixture(html`<div lang="?!"><b></b></div>`);
    const locale = resolveLocale(el.querySelector('b')!, 'x y z');
    expect(() => new Intl.NumberFormat(locale).format(1)).not.to.throw();
  });
});
