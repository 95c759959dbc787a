import { brotliCompressSync } from 'node:zlib';
import isoCodes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderWorldMap } from '../../render-world-map.ts';
import { countries, optionsIn } from '../scenario.ts';

/** What the map may add to a page, compressed (the budget: 60 kB with brotli). */
const budgetBrotli = 60_000;

/** Every ISO 3166-1 country and territory. */
const everyCountry = () => (isoCodes).map(([alpha2]) => alpha2!);

describe.each(['en', 'ar'] as const)('the markup of the map, in %s', (lang) => {
  const svg = renderWorldMap(optionsIn(lang));
  const root = parse(svg).querySelector('svg')!;

  it('is left to right whatever the page, so that a right-to-left page does not mirror it', () => {
    expect(root.getAttribute('dir')).toBe('ltr');
  });

  it('is a named group of links, titled in the page language, with a fixed viewBox and the same intrinsic size', () => {
    expect(root.getAttribute('role')).toBe('group');
    const title = parse(svg).querySelector(`#${root.getAttribute('aria-labelledby')!}`)!;
    expect(title.tagName).toBe('TITLE');
    expect(title.text).toBe(optionsIn(lang).labels.title);
    const [x, y, width, height] = root.getAttribute('viewBox')!.split(' ').map(Number);
    expect([x, y, width]).toEqual([0, 0, 1000]);
    expect(height).toBeGreaterThan(400);
    expect(height).toBeLessThan(520);
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual([String(width), String(height)]);
  });

  it('sets no style attribute and no colour (the stylesheet does, by class) and holds no script', () => {
    expect(svg).not.toMatch(/\sstyle=|\sfill=|\sstroke=|<script|\son\w+=/i);
  });

  it('is the same markup every time', () => {
    expect(renderWorldMap(optionsIn(lang))).toBe(svg);
  });

  it('escapes names and addresses', () => {
    const tricky = renderWorldMap({ ...optionsIn(lang), name: () => 'A & <B> "C"', href: (code) => `/x?a=1&b="${code}"` });
    expect(tricky).toContain('aria-label="A &amp; &lt;B&gt; &quot;C&quot;"><title>A &amp; &lt;B&gt; "C"</title>');
    expect(tricky).toContain('href="/x?a=1&amp;b=&quot;LY&quot;"');
  });
});

describe('the size of the map', () => {
  it(`stays under ${budgetBrotli / 1000} kB with brotli with every country and territory linked, in Arabic`, () => {
    const codes = everyCountry();
    const options = optionsIn('ar');
    // Some have no land on the map (Antarctica, tiny territories): they are left out here.
    const drawable = codes.filter((code) => {
      try {
        renderWorldMap({ ...options, countries: [{ code, region: 'asia-pacific', presence: 'country-office' }] });
        return true;
      } catch {
        return false;
      }
    });
    expect(drawable.length).toBeGreaterThan(230);
    const svg = renderWorldMap({ ...options, countries: drawable.map((code, index) => ({ code, region: ['americas', 'asia-pacific', 'southern-africa'][index % 3]!, presence: 'country-office' as const })) });
    expect(parse(svg).querySelectorAll('a')).toHaveLength(drawable.length);
    expect(brotliCompressSync(svg).length).toBeLessThan(budgetBrotli);
  });

  it('draws the scenario with far fewer bytes than the budget', () => {
    expect(brotliCompressSync(renderWorldMap(optionsIn('en'))).length).toBeLessThan(budgetBrotli / 2);
    expect(countries.length).toBeGreaterThan(10);
  });
});
