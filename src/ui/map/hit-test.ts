import type { MapFeature } from '../../formats/map-data.ts';

/** Whether a point lies inside a feature's rings, counted even-odd (a lake or an enclave is outside). */
export function featureContains(rings: number[][], x: number, y: number): boolean {
  let inside = false;
  for (const r of rings) {
    const n = r.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = r[2 * i];
      const yi = r[2 * i + 1];
      const xj = r[2 * j];
      const yj = r[2 * j + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The member under a point of the map, in map units, among those in play; null over anyone else's land or the sea. */
export function memberAtPoint(features: MapFeature[], inPlay: ReadonlySet<string>, x: number, y: number): string | null {
  for (const f of features) {
    if (f.member && inPlay.has(f.member) && featureContains(f.rings, x, y)) return f.member;
  }
  return null;
}
