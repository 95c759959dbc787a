import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { geoCentroid, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import { CompactPath } from './compact-path.ts';
import { naturalEarthCountries } from './natural-earth.ts';
import { positionsOfSmallStates } from './small-states.ts';

/** The map's width in its own units (the `viewBox`); the height follows from the land's shape. */
export const mapWidth = 1000;

/**
 * Visvalingam's threshold, in square units of the map: a point is dropped when the triangle it makes with its
 * neighbours is smaller. A unit is about a millimetre on a desktop screen, 0.3 mm on a phone.
 */
const simplificationArea = 0.6;

/** A country smaller than this many square units gets a marker instead of its shape (about 14,000 km²). */
const markerArea = 12;

/** Marker radius, in map units: a dot about 6 px wide on a desktop screen. */
export const markerRadius = 4;

/** Room around the land, so that a marker at the map's edge is drawn whole. */
const margin = markerRadius + 2;

/** A country as the world view draws it. */
export interface ProjectedCountry {
  /** Path data of its land, empty when every island vanished at this scale. */
  path: string;
  /** Where its marker goes, for a country too small to point at: the centre of its land. */
  marker: [number, number] | undefined;
}

/** The world in Equal Earth, fitted to the width: every country's path, computed once per process. */
export interface WorldView {
  width: number;
  height: number;
  countries: ReadonlyMap<string, ProjectedCountry>;
  /** Land Natural Earth gives no ISO code, as one path (drawn, never named). */
  unnamedLand: string;
}

const pathData = (projection: GeoProjection, shape: Feature<Polygon | MultiPolygon>) => {
  const context = new CompactPath();
  geoPath(projection, context)(shape);
  return context.toString();
};

const round = ([x, y]: [number, number]): [number, number] => [Math.round(x), Math.round(y)];

let cached: WorldView | undefined;

/**
 * The world view: Natural Earth 1:50m countries in the Equal Earth projection (equal areas, so no country looks
 * larger than it is), centred on Greenwich, Antarctica left out, fitted to `mapWidth` units, with whole-number
 * coordinates. Computed once per process: every page draws the same map with other colours and links.
 */
export function worldView(): WorldView {
  if (cached) return cached;
  // The fit needs the shapes and the simplification needs the scale: fit on a coarse version first.
  const coarse = naturalEarthCountries(1e-4).countries;
  const projection = geoEqualEarth().fitExtent([[margin, margin], [mapWidth - margin, mapWidth]], { type: 'FeatureCollection', features: coarse } satisfies FeatureCollection);
  // Equal Earth keeps areas: a steradian covers scale² square units.
  const { countries, unnamed } = naturalEarthCountries(simplificationArea / projection.scale() ** 2);
  const [[, top], [, bottom]] = geoPath(projection).bounds({ type: 'FeatureCollection', features: countries });
  projection.translate([projection.translate()[0], projection.translate()[1] + margin - Math.floor(top)]);
  const area = geoPath(projection);
  const projected = new Map<string, ProjectedCountry>();
  for (const country of countries) {
    const small = area.area(country) < markerArea;
    const centre = small ? projection(geoCentroid(country)) : null;
    projected.set(country.properties.code, { path: pathData(projection, country), marker: centre ? round(centre) : undefined });
  }
  for (const [code, position] of positionsOfSmallStates) {
    if (!projected.has(code)) projected.set(code, { path: '', marker: round(projection(position)!) });
  }
  cached = {
    width: mapWidth,
    height: Math.ceil(bottom - top) + 2 * margin,
    countries: projected,
    unnamedLand: unnamed.map((shape) => pathData(projection, shape)).join(''),
  };
  return cached;
}
