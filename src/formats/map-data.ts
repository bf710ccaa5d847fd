/** The prepared map (assets/map/region.json): written by src/cli/prepare-map.ts, drawn by src/ui/map. Projected, in map units. */
export interface MapFeature {
  /** ISO 3166 numeric code. */
  id: string;
  name: string;
  /** The member code (RU, AM...) when the country is or was a member of the alliance. */
  member: string | null;
  /** Flat [x0, y0, x1, y1, ...] outer rings. */
  rings: number[][];
}

export interface MemberSpot {
  label: [number, number];
  /** The point the label names: a leader line joins it to the label where the country is too small to write on. */
  anchor: [number, number];
  capital: { name: string; at: [number, number] };
}

export interface MapData {
  width: number;
  height: number;
  attribution: string;
  features: MapFeature[];
  members: Record<string, MemberSpot>;
  places: { text: string; kind: 'country' | 'sea'; at: [number, number] }[];
}
