/**
 * Where the map's words go: each label near the point it names, none over another, all inside the frame.
 * Labels are placed in order (members' names first, then the crisis, the marks, the place names), each at
 * the first candidate spot, spiralling out from where it would like to be, that overlaps nothing placed
 * before it. Done in the page's pixels at the map's current size, so a phone and a projector both get
 * labels that do not collide.
 */
export interface LabelRequest {
  id: string;
  /** Where the label would like its centre, in pixels. */
  at: [number, number];
  width: number;
  height: number;
  /** A label that may be left out when there is no room for it (a sea's name), rather than pushed away. */
  optional?: boolean;
}

export interface PlacedLabel {
  id: string;
  /** Top-left corner, in pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept between two labels, in pixels. */
const GAP = 3;
const DIRECTIONS = 16;
const RINGS = 14;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) + GAP - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) + GAP - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The box centred on a point, moved inside the frame. */
function boxAt(r: LabelRequest, cx: number, cy: number, frame: { width: number; height: number }): Box {
  const x = Math.min(Math.max(cx - r.width / 2, 0), Math.max(0, frame.width - r.width));
  const y = Math.min(Math.max(cy - r.height / 2, 0), Math.max(0, frame.height - r.height));
  return { x, y, width: r.width, height: r.height };
}

/** Candidate centres: the wished-for point, then rings around it, nearest first; vertical moves before sideways ones. */
function* candidates(r: LabelRequest): Generator<[number, number]> {
  const [cx, cy] = r.at;
  yield [cx, cy];
  const step = Math.max(6, r.height / 2);
  for (let ring = 1; ring <= RINGS; ring++) {
    for (let k = 0; k < DIRECTIONS; k++) {
      // 0: below, then above, then alternating either side around the circle.
      const turn = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2);
      const angle = Math.PI / 2 + (turn * 2 * Math.PI) / DIRECTIONS;
      yield [cx + Math.cos(angle) * step * ring * 1.6, cy + Math.sin(angle) * step * ring];
    }
  }
}

export function placeLabels(requests: LabelRequest[], frame: { width: number; height: number }): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const r of requests) {
    let best: Box | null = null;
    let bestOverlap = Infinity;
    for (const [cx, cy] of candidates(r)) {
      const box = boxAt(r, cx, cy, frame);
      let area = 0;
      for (const p of placed) area += overlapArea(box, p);
      if (area === 0) {
        best = box;
        bestOverlap = 0;
        break;
      }
      if (area < bestOverlap) {
        best = box;
        bestOverlap = area;
      }
      if (r.optional) break;
    }
    if (!best || (r.optional && bestOverlap > 0)) continue;
    placed.push({ id: r.id, ...best });
  }
  return placed;
}

/** Whether any two placed labels overlap, with the gap kept between them. */
export function anyOverlap(labels: Box[]): boolean {
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (overlaps(labels[i], labels[j])) return true;
  return false;
}
