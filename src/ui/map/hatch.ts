/**
 * Diagonal hatching inside polygons (even-odd over all rings), to mark a suspended or withdrawn member
 * with a pattern as well as a colour and a word.
 */
export function hatchSegments(rings: number[][], spacing: number): [number, number, number, number][] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rings) {
    for (let i = 0; i < r.length; i += 2) {
      const u = r[i] - r[i + 1];
      if (u < lo) lo = u;
      if (u > hi) hi = u;
    }
  }
  const segments: [number, number, number, number][] = [];
  for (let c = Math.ceil(lo / spacing) * spacing; c <= hi; c += spacing) {
    const hits: number[] = [];
    for (const r of rings) {
      const n = r.length / 2;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        const x1 = r[2 * i];
        const y1 = r[2 * i + 1];
        const x2 = r[2 * j];
        const y2 = r[2 * j + 1];
        const u1 = x1 - y1;
        const u2 = x2 - y2;
        if (u1 <= c === u2 <= c) continue;
        const t = (c - u1) / (u2 - u1);
        hits.push(x1 + t * (x2 - x1) + (y1 + t * (y2 - y1)));
      }
    }
    hits.sort((a, b) => a - b);
    for (let k = 0; k + 1 < hits.length; k += 2) {
      const [v1, v2] = [hits[k], hits[k + 1]];
      segments.push([(v1 + c) / 2, (v1 - c) / 2, (v2 + c) / 2, (v2 - c) / 2]);
    }
  }
  return segments;
}
