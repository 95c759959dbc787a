import type { GeoContext } from 'd3-geo';

/**
 * A d3-geo path context that writes short SVG path data: whole numbers, relative moves after the first (`m`, `l`: small numbers,
 * the same patterns again and again, which compress well), no repeated point, and no ring that rounding has
 * flattened to fewer than three points (islands smaller than a unit of the map disappear; the map gives every
 * country with presence a marker instead).
 *
 * @example
 * const path = new CompactPath();
 * geoPath(projection, path)(feature);
 * path.toString() // 'M412 96l3-1 2 4-5 0zm20 3l…'
 */
export class CompactPath implements GeoContext {
  #data = '';
  /** The pen after what has been written: where a relative move starts from. */
  #pen: [number, number] = [0, 0];
  #ring: [number, number][] = [];

  /** Nothing to do: each ring starts with a move. */
  beginPath(): void {}

  moveTo(x: number, y: number): void {
    this.#flushRing();
    this.#ring.push([Math.round(x), Math.round(y)]);
  }

  lineTo(x: number, y: number): void {
    const point: [number, number] = [Math.round(x), Math.round(y)];
    const last = this.#ring.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) this.#ring.push(point);
  }

  closePath(): void {
    this.#flushRing();
  }

  /** Points (not used by the map's polygons) are not drawn. */
  arc(): void {}

  /** The path data so far (an empty string when every ring vanished). */
  toString(): string {
    this.#flushRing();
    return this.#data;
  }

  #flushRing(): void {
    const ring = this.#ring;
    this.#ring = [];
    const first = ring[0];
    const last = ring.at(-1);
    if (first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
    if (ring.length < 3) return;
    // The first move is absolute, so that the paths of several countries can be joined into one.
    let [x, y] = this.#data ? this.#pen : [0, 0];
    let data = '';
    ring.forEach(([px, py], index) => {
      const command = index === 0 ? (this.#data ? 'm' : 'M') : index === 1 ? 'l' : separator(px - x);
      data += `${command}${px - x}${separator(py - y)}${py - y}`;
      x = px;
      y = py;
    });
    this.#data += `${data}z`;
    // After `z` the pen is back at the start of the ring.
    this.#pen = ring[0]!;
  }
}

/** A minus sign separates two numbers by itself; a positive number needs a space. */
const separator = (value: number) => (value < 0 ? '' : ' ');
