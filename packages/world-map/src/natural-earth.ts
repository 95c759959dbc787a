import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, merge } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import isoCodes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import countries50m from 'world-atlas/countries-50m.json' with { type: 'json' };

/** A country's land as GeoJSON, in degrees, named by its ISO 3166-1 alpha-2 code. */
export type CountryShape = Feature<Polygon | MultiPolygon, { code: string }>;

/** Natural Earth's ISO 3166-1 numeric code of a country, or none for the few entities that have no code. */
type CountryGeometry = GeometryObject<{ name: string }> & { id?: string };
type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/**
 * Natural Earth draws some territories apart that have no ISO code of their own and that ISO 3166 (and the UN)
 * count as part of a member state: they are drawn as part of it, so that they are not left as blank holes in a
 * country the map colours. Entities without a code that are not listed here (Kosovo, the Siachen Glacier, the
 * Australian Indian Ocean Territories) are drawn as land without a record, as Natural Earth draws them.
 */
const partOfCountry: Readonly<Record<string, string>> = { Somaliland: 'SO', 'N. Cyprus': 'CY' };

/** Antarctica: left out, as on most world maps of an organisation's work; it would take a fifth of the height. */
const leftOut = new Set(['AQ']);

const alpha2ByNumeric = new Map((isoCodes).map(([alpha2, , numeric]) => [numeric!, alpha2!]));

/** The alpha-2 code of a Natural Earth country, or undefined for an entity the map does not name. */
function codeOf(geometry: CountryGeometry): string | undefined {
  if (geometry.id !== undefined) return alpha2ByNumeric.get(geometry.id);
  const name = geometry.properties && 'name' in geometry.properties ? geometry.properties.name : '';
  return partOfCountry[name];
}

/** Natural Earth 1:50m with each point weighted for simplification (Visvalingam, spherical areas); computed once. */
let weighted: { topology: CountriesTopology; groups: Map<string, CountryGeometry[]>; unnamed: CountryGeometry[] } | undefined;

function weightedTopology() {
  if (!weighted) {
    const source = countries50m as unknown as CountriesTopology;
    const topology = presimplify(source, sphericalTriangleArea);
    const groups = new Map<string, CountryGeometry[]>();
    const unnamed: CountryGeometry[] = [];
    for (const geometry of topology.objects.countries.geometries as CountryGeometry[]) {
      const code = codeOf(geometry);
      if (code === undefined) unnamed.push(geometry);
      else if (!leftOut.has(code)) groups.set(code, [...(groups.get(code) ?? []), geometry]);
    }
    weighted = { topology, groups, unnamed };
  }
  return weighted;
}

/**
 * Every country of Natural Earth's 1:50m map, simplified: points whose triangle (with their neighbours) covers less
 * than `minArea` steradians are dropped. Borders stay shared (the simplification works on the topology), and the
 * pieces of one country (Australia and its reefs, Somalia and Somaliland) are merged into one shape.
 * Also returns the land Natural Earth gives no ISO code (drawn, never named).
 */
export function naturalEarthCountries(minArea: number): { countries: CountryShape[]; unnamed: Feature<Polygon | MultiPolygon>[] } {
  const { topology, groups, unnamed } = weightedTopology();
  const simplified = simplify(topology, minArea);
  const countries = [...groups].map(([code, geometries]): CountryShape => {
    const geometry = geometries.length === 1 ? (feature(simplified, geometries[0]!) as Feature<Polygon | MultiPolygon>).geometry : merge(simplified, geometries as never);
    return { type: 'Feature', properties: { code }, geometry };
  });
  return { countries, unnamed: unnamed.map((geometry) => feature(simplified, geometry) as Feature<Polygon | MultiPolygon>) };
}
