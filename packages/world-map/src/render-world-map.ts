import { markerRadius, worldView, type ProjectedCountry } from './world-view.ts';

/** A country's kind of presence: an office of its own, covered by another country's office, or none. */
export type Presence = 'country-office' | 'covered' | 'none';

/** A country as the map needs it (content-model's country record has these fields). */
export interface MapCountry {
  /** ISO 3166-1 alpha-2 code, e.g. `LY`. */
  code: string;
  /** The region identifier, e.g. `middle-east-north-africa` (lower case, digits and `-`: it becomes a class name). */
  region: string;
  presence: Presence;
  /** For presence `covered`: the alpha-2 code of the country whose office covers this one. */
  coveredBy?: string | undefined;
}

/** What the map says, in the page's language. */
export interface WorldMapLabels {
  /** The map's accessible name, e.g. "Map of the countries where IOM works". */
  title: string;
  /** A region's name, e.g. "The Americas": names the group of its countries' links. */
  region: (region: string) => string;
  /** The name of a covered country's link, e.g. "Comoros (covered by the office in Mauritius)". */
  covered: (country: string, office: string) => string;
}

export interface WorldMapOptions {
  /**
   * Every country with a record. Links come grouped by region, the regions in the order they first appear here,
   * and within a region in this order (countries drawn as a marker last, so their marker is painted on top): give
   * them in the order of the list the map stands beside.
   */
  countries: readonly MapCountry[];
  /** A country's name in the page's language. */
  name: (code: string) => string;
  /** The address of a country's page (for a country with presence; covered countries link to their office's). */
  href: (code: string) => string;
  /** The region to emphasise (a region's page): only its countries are coloured and linked, the others dimmed. */
  region?: string | undefined;
  labels: WorldMapLabels;
  /** The `id` of the map's title, unique on the page. */
  titleId?: string;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

function classSafe(region: string): string {
  if (!/^[a-z0-9-]+$/.test(region)) throw new Error(`World map: the region identifier "${region}" becomes a class name; use lower-case letters, digits and "-".`);
  return region;
}

/** The shape of a country, or an error that says what to do when Natural Earth has none. */
function shapeOf(countries: ReadonlyMap<string, ProjectedCountry>, code: string): ProjectedCountry {
  const shape = countries.get(code);
  if (!shape) {
    throw new Error(
      `World map: Natural Earth (world-atlas, 1:50m) has no country with the ISO code ${code}, so the map cannot show it.` +
        ` Fix: check the code in content/countries/${code.toLowerCase()}/country.yaml, or add the country's position to packages/world-map/src/small-states.ts.`,
    );
  }
  return shape;
}

/**
 * Draws the world map of where the organisation works as inline SVG markup: every country with presence is a link
 * (to its page; a covered country to the page of the office that covers it) named in the page's language, filled
 * in its region's colour (a covered country outlined), with a marker when it is too small to point at; countries
 * without presence are drawn but not linked. Colours come from classes (the site's stylesheet), never from style
 * attributes; `dir="ltr"` keeps right-to-left pages from mirroring it. Pure and deterministic: the shapes are
 * projected once per process, each call only assembles markup.
 *
 * @example
 * renderWorldMap({
 *   countries: [{ code: 'KM', region: 'southern-africa', presence: 'covered', coveredBy: 'MU' }, …],
 *   name: (code) => names[code], href: (code) => `/en/countries/${slugs[code]}/`,
 *   labels: { title: 'Where IOM works', region: (id) => regionNames[id], covered: (country, office) => `${country} (covered by the office in ${office})` },
 * })
 * // '<svg … viewBox="0 0 1000 …" dir="ltr" role="group" aria-labelledby="world-map-title">…<a href="/en/countries/mauritius/" …'
 */
export function renderWorldMap(options: WorldMapOptions): string {
  const { countries, name, href, region: emphasised, labels, titleId = 'world-map-title' } = options;
  const view = worldView();
  const byCode = new Map(countries.map((country) => [country.code, country]));
  const linked = countries.filter((country) => country.presence !== 'none' && (emphasised === undefined || country.region === emphasised));
  const linkedCodes = new Set(linked.map((country) => country.code));
  for (const country of linked) shapeOf(view.countries, country.code);

  // Land that is not a link: one path, under the links.
  const land = [view.unnamedLand, ...[...view.countries].filter(([code]) => !linkedCodes.has(code)).map(([, shape]) => shape.path)].join('');

  const regions = Map.groupBy(linked, (country) => country.region);
  const groups = [...regions].map(([region, members]) => {
    const ordered = [...members.filter((country) => !view.countries.get(country.code)!.marker), ...members.filter((country) => view.countries.get(country.code)!.marker)];
    const links = ordered.map((country) => {
      const shape = view.countries.get(country.code)!;
      const office = country.presence === 'covered' && country.coveredBy ? byCode.get(country.coveredBy)?.code ?? country.coveredBy : undefined;
      const label = office ? labels.covered(name(country.code), name(office)) : name(country.code);
      const drawing = shape.marker ? `<circle cx="${shape.marker[0]}" cy="${shape.marker[1]}" r="${markerRadius}"/>` : `<path d="${shape.path}"/>`;
      const kind = office ? 'covered' : 'office';
      return `<a href="${escapeAttribute(href(office ?? country.code))}" class="world-map__${kind}" aria-label="${escapeAttribute(label)}"><title>${escapeText(label)}</title>${drawing}</a>`;
    });
    return `<g class="world-map__region world-map__region--${classSafe(region)}" role="group" aria-label="${escapeAttribute(labels.region(region))}">${links.join('')}</g>`;
  });

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="world-map__svg${emphasised ? ' world-map__svg--region' : ''}" viewBox="0 0 ${view.width} ${view.height}" width="${view.width}" height="${view.height}" dir="ltr" role="group" aria-labelledby="${escapeAttribute(titleId)}">` +
    `<title id="${escapeAttribute(titleId)}">${escapeText(labels.title)}</title>` +
    `<path class="world-map__land" d="${land}"/>` +
    groups.join('') +
    '</svg>'
  );
}
