import type { MapCountry, WorldMapOptions } from '../render-world-map.ts';

/**
 * A set of countries like the site's: offices, covered countries (islands among them, which the map draws as
 * markers, and Tuvalu, which Natural Earth's 1:50m map leaves out), and countries without presence.
 */
export const countries: MapCountry[] = [
  { code: 'LY', region: 'middle-east-north-africa', presence: 'country-office' },
  { code: 'EG', region: 'middle-east-north-africa', presence: 'country-office' },
  { code: 'BH', region: 'middle-east-north-africa', presence: 'country-office' },
  { code: 'MU', region: 'southern-africa', presence: 'country-office' },
  { code: 'KM', region: 'southern-africa', presence: 'covered', coveredBy: 'MU' },
  { code: 'SC', region: 'southern-africa', presence: 'covered', coveredBy: 'MU' },
  { code: 'ZA', region: 'southern-africa', presence: 'country-office' },
  { code: 'FJ', region: 'asia-pacific', presence: 'country-office' },
  { code: 'TV', region: 'asia-pacific', presence: 'covered', coveredBy: 'FJ' },
  { code: 'SG', region: 'asia-pacific', presence: 'none' },
  { code: 'FI', region: 'europe-central-asia', presence: 'country-office' },
  { code: 'EE', region: 'europe-central-asia', presence: 'covered', coveredBy: 'FI' },
  { code: 'RU', region: 'europe-central-asia', presence: 'country-office' },
  { code: 'AD', region: 'europe-central-asia', presence: 'none' },
  { code: 'SO', region: 'east-horn-africa', presence: 'country-office' },
];

/** The options of a page in `lang` (names from Intl, pages at /<lang>/countries/<code>/). */
export function optionsIn(lang: 'en' | 'ar', extra: Partial<WorldMapOptions> = {}): WorldMapOptions {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  return {
    countries,
    name: (code) => names.of(code)!,
    href: (code) => `/${lang}/countries/${code.toLowerCase()}/`,
    labels: {
      title: lang === 'en' ? 'Map of the countries where IOM works' : 'خريطة البلدان التي تعمل فيها المنظمة الدولية للهجرة',
      region: (region) => `[${region}]`,
      covered: (country, office) => (lang === 'en' ? `${country} (covered by the office in ${office})` : `${country} (يتولاه مكتب ${office})`),
    },
    ...extra,
  };
}
