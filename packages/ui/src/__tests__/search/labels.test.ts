import { describe, expect, it } from 'vitest';
import { facetOptions } from '../../scripts/search/facet-options.ts';
import { facetLabel, format, serializeSearchConfig, type SearchConfig } from '../../scripts/search/search-config.ts';

const labels: Record<string, Record<string, string>> = {
  fr: { 'type:news': 'Actualité', 'type:press-release': 'Communiqué de presse', 'country:LY': 'Libye', 'country:TN': 'Tunisie', 'country:EG': 'Égypte', 'region:middle-east-north-africa': 'Moyen-Orient et Afrique du Nord', 'theme:search-and-rescue': 'Recherche et sauvetage' },
  ar: { 'type:news': 'خبر', 'type:press-release': 'بيان صحفي', 'country:LY': 'ليبيا', 'country:TN': 'تونس', 'country:EG': 'مصر', 'region:middle-east-north-africa': 'الشرق الأوسط وشمال أفريقيا', 'theme:search-and-rescue': 'البحث والإنقاذ' },
};
const source = {
  releases: [
    { type: 'press-release', year: 2016, countries: ['LY'], themes: ['search-and-rescue'] },
    { type: 'news', year: 2017, countries: ['LY', 'TN'], themes: [] },
  ],
  countryPages: ['EG', 'LY'],
  regionOf: (code: string) => (['LY', 'TN', 'EG'].includes(code) ? 'middle-east-north-africa' : undefined),
};

describe('filter values of a language', () => {
  it('are those its pages carry, labelled and sorted for French readers (É among the E), years newest first', () => {
    const options = facetOptions(source, (facet, id) => labels.fr![`${facet}:${id}`] ?? id, 'fr');
    expect(options.type.map((o) => o.label)).toEqual(['Actualité', 'Communiqué de presse']);
    expect(options.country).toEqual([
      { id: 'EG', label: 'Égypte' },
      { id: 'LY', label: 'Libye' },
      { id: 'TN', label: 'Tunisie' },
    ]);
    expect(options.region.map((o) => o.id)).toEqual(['middle-east-north-africa']);
    expect(options.theme.map((o) => o.id)).toEqual(['search-and-rescue']);
    expect(options.year.map((o) => o.id)).toEqual(['2017', '2016']);
  });

  it('are labelled in Arabic on the Arabic page, with the same identifiers underneath', () => {
    const options = facetOptions(source, (facet, id) => labels.ar![`${facet}:${id}`] ?? id, 'ar');
    expect(options.country.map((o) => o.id).sort()).toEqual(['EG', 'LY', 'TN']);
    expect(options.country.map((o) => o.label)).toEqual(['تونس', 'ليبيا', 'مصر']);
    expect(options.type.find((o) => o.id === 'press-release')!.label).toBe('بيان صحفي');
  });
});

describe('labels and strings in the page', () => {
  const config = { labels: { type: { news: 'Actualité' }, country: { LY: 'Libye' }, region: {}, theme: {}, year: {} } } as unknown as SearchConfig;

  it('give a label for an identifier, or the identifier when the page has none', () => {
    expect(facetLabel(config.labels, 'country', 'LY')).toBe('Libye');
    expect(facetLabel(config.labels, 'country', 'ZZ')).toBe('ZZ');
  });

  it('fill placeholders like t(), in any language', () => {
    expect(format('Résultats pour « {query} » : {count}', { query: 'Libye', count: 3 })).toBe('Résultats pour « Libye » : 3');
    expect(format('نتائج البحث عن «{query}»: {count}', { query: 'ليبيا', count: 2 })).toBe('نتائج البحث عن «ليبيا»: 2');
    expect(format('{missing} stays', {})).toBe('{missing} stays');
  });

  it('are serialized so that no label can end the data block', () => {
    const text = serializeSearchConfig({ ...config, strings: { countryPage: '</script><script>alert(1)</script>' } } as unknown as SearchConfig);
    expect(text).not.toContain('</script');
    expect(JSON.parse(text)).toMatchObject({ strings: { countryPage: '</script><script>alert(1)</script>' } });
  });
});
