import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import isoCodes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { naturalEarthCountries } from '../../natural-earth.ts';
import { positionsOfSmallStates } from '../../small-states.ts';

const require = createRequire(import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const alpha2 = new Map((isoCodes).map(([code, , numeric]) => [numeric!, code!]));

describe("Natural Earth's countries, named by ISO code", () => {
  const { countries } = naturalEarthCountries(0);
  const codes = countries.map((country) => country.properties.code);

  it('names each country once, merging the pieces Natural Earth keeps apart (Australia and its reefs)', () => {
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('AU');
    expect(codes).not.toContain('AQ');
  });

  it('draws Somaliland as part of Somalia and Northern Cyprus as part of Cyprus', () => {
    const land = (code: string) => countries.find((country) => country.properties.code === code)!;
    // Hargeisa (Somaliland) and Kyrenia (Northern Cyprus).
    expect(geoContains(land('SO'), [44.06, 9.56])).toBe(true);
    expect(geoContains(land('CY'), [33.32, 35.34])).toBe(true);
  });

  it('has a position for every country of the 1:10m map that the 1:50m map leaves out, where its land is', () => {
    const large = read('countries-10m.json');
    const medium = new Set(read('countries-50m.json').objects.countries.geometries.map((geometry) => geometry.id));
    const left = large.objects.countries.geometries.filter((geometry) => geometry.id !== undefined && !medium.has(geometry.id));
    expect(left.map((geometry) => alpha2.get(String(geometry.id))).sort()).toEqual([...positionsOfSmallStates.keys()].sort());
    for (const geometry of left) {
      const [longitude, latitude] = geoCentroid(feature(large, geometry));
      const position = positionsOfSmallStates.get(alpha2.get(String(geometry.id))!)!;
      expect(Math.abs(position[0] - longitude), String(geometry.id)).toBeLessThan(0.01);
      expect(Math.abs(position[1] - latitude), String(geometry.id)).toBeLessThan(0.01);
    }
  });
});
