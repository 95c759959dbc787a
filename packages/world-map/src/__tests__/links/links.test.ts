import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderWorldMap } from '../../render-world-map.ts';
import { countries, optionsIn } from '../scenario.ts';

const linksOf = (svg: string) =>
  parse(svg)
    .querySelectorAll('a')
    .map((a) => ({ href: a.getAttribute('href'), label: a.getAttribute('aria-label'), title: a.querySelector('title')?.text, shapes: a.querySelectorAll('path, circle').length }));

describe.each(['en', 'ar'] as const)('the links of the map, in %s', (lang) => {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  const svg = renderWorldMap(optionsIn(lang));
  const links = linksOf(svg);

  it('gives every country with presence exactly one link, named as the page names it, with its shape or marker', () => {
    const present = countries.filter((country) => country.presence !== 'none');
    expect(links).toHaveLength(present.length);
    for (const country of present) {
      const own = links.filter((link) => link.label!.startsWith(names.of(country.code)!));
      expect(own, country.code).toHaveLength(1);
      expect(own[0]!.title).toBe(own[0]!.label);
      expect(own[0]!.shapes, country.code).toBe(1);
    }
  });

  it('links a country with an office to its own page', () => {
    const libya = links.find((link) => link.label === names.of('LY'));
    expect(libya?.href).toBe(`/${lang}/countries/ly/`);
  });

  it('links a covered country to the page of the office that covers it, and says so in its name', () => {
    const comoros = links.find((link) => link.label!.startsWith(names.of('KM')!))!;
    expect(comoros.href).toBe(`/${lang}/countries/mu/`);
    expect(comoros.label).toBe(optionsIn(lang).labels.covered(names.of('KM')!, names.of('MU')!));
    // Tuvalu is not in Natural Earth's 1:50m map: it is a marker, linked all the same.
    expect(links.find((link) => link.label!.startsWith(names.of('TV')!))!.href).toBe(`/${lang}/countries/fj/`);
  });

  it('draws countries without presence without linking them', () => {
    for (const code of ['SG', 'AD']) expect(links.some((link) => link.label!.startsWith(names.of(code)!) || link.href!.endsWith(`/${code.toLowerCase()}/`)), code).toBe(false);
    expect(parse(svg).querySelector('path.world-map__land')!.getAttribute('d')!.length).toBeGreaterThan(10_000);
  });

  it('groups the links by region, in the order the regions come, each group named', () => {
    const groups = parse(svg).querySelectorAll('g.world-map__region');
    expect(groups.map((group) => group.getAttribute('aria-label'))).toEqual(['[middle-east-north-africa]', '[southern-africa]', '[asia-pacific]', '[europe-central-asia]', '[east-horn-africa]']);
    expect(groups[0]!.classList.contains('world-map__region--middle-east-north-africa')).toBe(true);
    // Within a region, in the order given, small countries (markers, painted on top) last: Bahrain after Egypt.
    expect(groups[0]!.querySelectorAll('a').map((a) => a.getAttribute('aria-label'))).toEqual([names.of('LY'), names.of('EG'), names.of('BH')]);
    expect(groups[0]!.querySelector('a:last-child circle')).not.toBeNull();
  });

  it('on a region page, links and colours only that region, and draws the rest as land', () => {
    const regional = renderWorldMap(optionsIn(lang, { region: 'southern-africa' }));
    expect(linksOf(regional).map((link) => link.href).sort()).toEqual([`/${lang}/countries/mu/`, `/${lang}/countries/mu/`, `/${lang}/countries/mu/`, `/${lang}/countries/za/`]);
    expect(parse(regional).querySelector('svg')!.classList.contains('world-map__svg--region')).toBe(true);
    expect(parse(regional).querySelector('path.world-map__land')!.getAttribute('d')!.length).toBeGreaterThan(parse(svg).querySelector('path.world-map__land')!.getAttribute('d')!.length);
  });
});

describe('a country the map cannot draw', () => {
  it('fails with the code, the file to check and what to do', () => {
    const options = optionsIn('en');
    expect(() => renderWorldMap({ ...options, countries: [...options.countries, { code: 'XK', region: 'europe-central-asia', presence: 'country-office' }] })).toThrow(
      /no country with the ISO code XK[\s\S]*content\/countries\/xk\/country\.yaml[\s\S]*small-states\.ts/,
    );
  });

  it('refuses a region identifier that would not make a class name', () => {
    const options = optionsIn('en');
    expect(() => renderWorldMap({ ...options, countries: [{ code: 'LY', region: 'MENA "x"', presence: 'country-office' }] })).toThrow(/region identifier "MENA "x""/);
  });
});
