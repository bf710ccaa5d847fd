import { describe, expect, it } from 'vitest';
import { anyOverlap, placeLabels, type LabelRequest } from '../../../src/ui/map/label-layout.ts';
import { featureContains, memberAtPoint } from '../../../src/ui/map/hit-test.ts';
import region from '../../../assets/map/region.json' with { type: 'json' };
import type { MapData } from '../../../src/formats/map-data.ts';

const map = region as unknown as MapData;
const frame = { width: 370, height: 237 };

/** The members' labels at a phone's width: one-line names with a value, about 12px text. */
function memberRequests(scale: number): LabelRequest[] {
  return Object.entries(map.members).map(([code, spot]) => ({
    id: code,
    at: [spot.label[0] * scale, spot.label[1] * scale],
    width: 9 + 7.5 * (code === 'KZ' || code === 'KG' ? 13 : 9),
    height: 24,
  }));
}

describe('placing the map’s labels', () => {
  it('should leave a label where it asks to be when nothing is in its way', () => {
    const [placed] = placeLabels([{ id: 'a', at: [100, 100], width: 40, height: 20 }], frame);
    expect(placed).toEqual({ id: 'a', x: 80, y: 90, width: 40, height: 20 });
  });

  it('should keep every label inside the frame', () => {
    const placed = placeLabels([{ id: 'edge', at: [365, 2], width: 80, height: 24 }], frame);
    expect(placed[0].x + placed[0].width).toBeLessThanOrEqual(frame.width);
    expect(placed[0].y).toBeGreaterThanOrEqual(0);
  });

  it('should move a label off one placed before it, not over it', () => {
    const placed = placeLabels(
      [
        { id: 'first', at: [150, 100], width: 90, height: 24 },
        { id: 'second', at: [160, 104], width: 90, height: 24 },
      ],
      frame,
    );
    expect(placed[0]).toMatchObject({ x: 105, y: 88 });
    expect(anyOverlap(placed)).toBe(false);
  });

  it('should place all nine members of the widest era without overlap at a phone’s width', () => {
    const placed = placeLabels(memberRequests(frame.width / map.width), frame);
    expect(placed.map((p) => p.id).sort()).toEqual(Object.keys(map.members).sort());
    expect(anyOverlap(placed)).toBe(false);
  });

  it('should leave out an optional label (a sea’s name) with no room where it belongs, rather than move it', () => {
    const placed = placeLabels(
      [
        { id: 'member', at: [100, 100], width: 90, height: 24 },
        { id: 'sea', at: [100, 100], width: 60, height: 18, optional: true },
      ],
      frame,
    );
    expect(placed.map((p) => p.id)).toEqual(['member']);
  });
});

describe('finding the member under the pointer', () => {
  it('should count a point inside a ring and not one outside it, holes excluded', () => {
    const square = [0, 0, 10, 0, 10, 10, 0, 10];
    const hole = [4, 4, 6, 4, 6, 6, 4, 6];
    expect(featureContains([square], 5, 5)).toBe(true);
    expect(featureContains([square], 15, 5)).toBe(false);
    expect(featureContains([square, hole], 5, 5)).toBe(false);
    expect(featureContains([square, hole], 2, 2)).toBe(true);
  });

  it('should find each member at the point its label names, and none out at sea', () => {
    const inPlay = new Set(Object.keys(map.members));
    for (const [code, spot] of Object.entries(map.members)) expect(memberAtPoint(map.features, inPlay, spot.anchor[0], spot.anchor[1])).toBe(code);
    const caspian = map.places.find((p) => p.text === 'Caspian Sea')!;
    expect(memberAtPoint(map.features, inPlay, caspian.at[0], caspian.at[1])).toBeNull();
  });

  it('should find no member that is not in play', () => {
    const am = map.members.AM.anchor;
    expect(memberAtPoint(map.features, new Set(['RU']), am[0], am[1])).toBeNull();
  });
});
