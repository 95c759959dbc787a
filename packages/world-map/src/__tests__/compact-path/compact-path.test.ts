import { geoEqualEarth, geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { CompactPath } from '../../compact-path.ts';
import { naturalEarthCountries } from '../../natural-earth.ts';

/** The rings of SVG path data, as absolute points (M, m, L, l and z, with implicit repeats). */
function rings(data: string): [number, number][][] {
  const found: [number, number][][] = [];
  let pen: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  let ring: [number, number][] = [];
  for (const [, command, numbers] of data.matchAll(/([MmLlZz])([^MmLlZz]*)/g)) {
    const values = (numbers!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    if (command === 'z' || command === 'Z') {
      found.push(ring);
      ring = [];
      pen = start;
      continue;
    }
    for (let i = 0; i < values.length; i += 2) {
      const relative = command === command!.toLowerCase();
      pen = relative ? [pen[0] + values[i]!, pen[1] + values[i + 1]!] : [values[i]!, values[i + 1]!];
      if (i === 0 && (command === 'm' || command === 'M')) start = pen;
      ring.push(pen);
    }
  }
  return found;
}

/** What the compact path should hold: d3's own path data rounded to whole numbers, repeats and flat rings taken out. */
function expectedRings(data: string): [number, number][][] {
  return rings(data)
    .map((ring) => ring.map(([x, y]): [number, number] => [Math.round(x), Math.round(y)]))
    .map((ring) => ring.filter((point, index) => index === 0 || point[0] !== ring[index - 1]![0] || point[1] !== ring[index - 1]![1]))
    .map((ring) => (ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring))
    .filter((ring) => ring.length >= 3);
}

describe('compact path data', () => {
  it('starts absolute, goes on relative, and drops repeated points and rings flattened by rounding', () => {
    const path = new CompactPath();
    path.moveTo(10.4, 20.6);
    path.lineTo(13.2, 20.9);
    path.lineTo(13.4, 21.1);
    path.lineTo(10, 25);
    path.closePath();
    // An island smaller than a unit: it rounds to one or two points and is not drawn.
    path.moveTo(50.1, 50.2);
    path.lineTo(50.3, 50.4);
    path.lineTo(50.2, 50.1);
    path.closePath();
    path.moveTo(5, 5);
    path.lineTo(7, 5);
    path.lineTo(6, 8);
    path.closePath();
    expect(path.toString()).toBe('M10 21l3 0-3 4zm-5-16l2 0-1 3z');
    expect(rings(path.toString())).toEqual([[[10, 21], [13, 21], [10, 25]], [[5, 5], [7, 5], [6, 8]]]);
  });

  it('joins: the paths of two countries written one after the other draw both', () => {
    const first = new CompactPath();
    first.moveTo(100, 100);
    first.lineTo(110, 100);
    first.lineTo(105, 90);
    first.closePath();
    const second = new CompactPath();
    second.moveTo(300, 300);
    second.lineTo(310, 300);
    second.lineTo(305, 290);
    second.closePath();
    expect(rings(first.toString() + second.toString())).toEqual([...rings(first.toString()), ...rings(second.toString())]);
  });

  it("holds exactly d3's own path, rounded, for every country of the map", () => {
    const projection = geoEqualEarth().fitWidth(1000, { type: 'Sphere' });
    const { countries } = naturalEarthCountries(1e-6);
    expect(countries.length).toBeGreaterThan(200);
    for (const country of countries) {
      const compact = new CompactPath();
      geoPath(projection, compact)(country);
      const reference = geoPath(projection).digits(6)(country) ?? '';
      expect(rings(compact.toString()), country.properties.code).toEqual(expectedRings(reference));
    }
  });
});
