/**
 * Prepares the game's map: `npx tsx src/cli/prepare-map.ts` reads Natural Earth's 1:50m country borders
 * (the world-atlas package), projects the region (Belarus and western Russia to the Caucasus and Central
 * Asia) and writes assets/map/region.json, which is committed. The game loads only that file.
 *
 * Borders are drawn as internationally recognised (UN General Assembly resolution 68/262): Natural Earth
 * draws Crimea inside Russia, so that polygon is given back to Ukraine here.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoConicEqualArea, geoContains, geoPath } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { MapData, MapFeature } from '../formats/map-data.ts';

const WIDTH = 1000;
const HEIGHT = 640;
/** Points dropped when closer than this to the last kept one, in map units: the map is never drawn larger than ~1.9x. */
const MIN_STEP = 1.1;

/** ISO 3166 numeric codes of the members, as Natural Earth names them. */
const MEMBERS: Record<string, string> = { RU: '643', BY: '112', AM: '051', KZ: '398', KG: '417', TJ: '762', UZ: '860', AZ: '031', GE: '268' };

/** Where each member's label goes and the point it names (a leader line joins them when they differ), lon/lat. */
const LABELS: Record<string, { label: [number, number]; anchor?: [number, number] }> = {
  RU: { label: [44.5, 55.2] },
  BY: { label: [27.9, 52.6] },
  KZ: { label: [67.0, 48.3] },
  UZ: { label: [62.6, 42.6] },
  KG: { label: [79.0, 39.2], anchor: [75.0, 41.5] },
  TJ: { label: [70.0, 36.2], anchor: [71.0, 38.7] },
  AM: { label: [40.3, 38.4], anchor: [45.0, 40.2] },
  AZ: { label: [50.6, 37.2], anchor: [47.9, 40.3] },
  GE: { label: [38.3, 42.3], anchor: [43.6, 42.1] },
};

const CAPITALS: Record<string, { name: string; at: [number, number] }> = {
  RU: { name: 'Moscow', at: [37.62, 55.75] },
  BY: { name: 'Minsk', at: [27.56, 53.9] },
  AM: { name: 'Yerevan', at: [44.51, 40.18] },
  KZ: { name: 'Astana', at: [71.43, 51.13] },
  KG: { name: 'Bishkek', at: [74.59, 42.87] },
  TJ: { name: 'Dushanbe', at: [68.78, 38.56] },
  UZ: { name: 'Tashkent', at: [69.24, 41.3] },
  AZ: { name: 'Baku', at: [49.87, 40.41] },
  GE: { name: 'Tbilisi', at: [44.79, 41.72] },
};

/** Neighbours named on the map for orientation, and the seas. */
const PLACES: { text: string; at: [number, number]; kind: 'country' | 'sea' }[] = [
  { text: 'Ukraine', at: [31.5, 49.2], kind: 'country' },
  { text: 'Turkey', at: [35.5, 39.0], kind: 'country' },
  { text: 'Iran', at: [54.5, 33.6], kind: 'country' },
  { text: 'Turkmenistan', at: [59.0, 39.3], kind: 'country' },
  { text: 'Afghanistan', at: [65.5, 34.2], kind: 'country' },
  { text: 'China', at: [84.5, 41.5], kind: 'country' },
  { text: 'Mongolia', at: [92.0, 48.0], kind: 'country' },
  { text: 'Poland', at: [20.5, 51.8], kind: 'country' },
  { text: 'Black Sea', at: [32.6, 43.7], kind: 'sea' },
  { text: 'Caspian Sea', at: [50.8, 42.0], kind: 'sea' },
];

/** The frame: every member's extent in the playing area, with Moscow and the Pamirs. */
const FRAME: [number, number][] = [
  [23.0, 56.5],
  [23.0, 51.2],
  [40.5, 57.5],
  [61.0, 56.5],
  [87.5, 50.0],
  [80.5, 42.0],
  [75.0, 36.7],
  [67.0, 36.5],
  [45.0, 38.5],
  [39.7, 43.2],
];

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{
  countries: GeometryCollection<{ name: string }>;
}>;

const countries = topology.objects.countries.geometries;
const russia = countries.find((g) => g.id === MEMBERS.RU) as MultiPolygon<{ name: string }>;
const ukraine = countries.find((g) => g.id === '804') as MultiPolygon<{ name: string }>;
/** Geometry drawn instead of Natural Earth's own, by ISO code. */
const overrides = new Map<string, GeoJSON.Geometry>();
const crimea = russia.arcs.findIndex((arcs) => geoContains(feature(topology, { type: 'Polygon', arcs } as Polygon), [34.1, 44.95]));
if (crimea >= 0) {
  const [piece] = russia.arcs.splice(crimea, 1);
  overrides.set('804', merge(topology, [ukraine, { type: 'Polygon', arcs: piece } as Polygon]));
}

const projection = geoConicEqualArea()
  .parallels([40, 52])
  .rotate([-56, 0])
  .fitExtent(
    [
      [24, 20],
      [WIDTH - 24, HEIGHT - 20],
    ],
    { type: 'MultiPoint', coordinates: FRAME },
  );
projection.clipExtent([
  [0, 0],
  [WIDTH, HEIGHT],
]);

function project(lonLat: [number, number]): [number, number] {
  const p = projection(lonLat);
  if (!p) throw new Error(`[${lonLat.join(', ')}] is outside the map's projection`);
  return [round(p[0]), round(p[1])];
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Captures projected, clipped rings from d3-geo's path drawing, thinned to MIN_STEP. */
function rings(geometry: GeoJSON.Geometry): number[][] {
  const out: number[][] = [];
  let ring: number[] = [];
  const flush = () => {
    if (ring.length >= 6) out.push(ring);
    ring = [];
  };
  const context = {
    beginPath() {},
    moveTo(x: number, y: number) {
      flush();
      ring.push(round(x), round(y));
    },
    lineTo(x: number, y: number) {
      const n = ring.length;
      if (n >= 2 && Math.hypot(x - ring[n - 2], y - ring[n - 1]) < MIN_STEP) return;
      ring.push(round(x), round(y));
    },
    closePath() {
      flush();
    },
    arc() {},
  };
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(geometry);
  flush();
  return out;
}

function area(ring: number[]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i += 2) {
    const j = (i + 2) % ring.length;
    a += ring[i] * ring[j + 1] - ring[j] * ring[i + 1];
  }
  return Math.abs(a / 2);
}

const codeOf = Object.fromEntries(Object.entries(MEMBERS).map(([code, iso]) => [iso, code]));
const features: MapFeature[] = [];
for (const g of countries as GeometryObject<{ name: string }>[]) {
  const geometry = overrides.get(String(g.id)) ?? (feature(topology, g) as GeoJSON.Feature).geometry;
  if (!geometry) continue;
  const kept = rings(geometry).filter((r) => area(r) > 4);
  if (!kept.length) continue;
  const code = codeOf[String(g.id)] ?? null;
  features.push({ id: String(g.id), name: (g.properties as { name: string }).name, member: code, rings: kept });
}
// Members last, so their borders draw over their neighbours'.
features.sort((a, b) => Number(a.member !== null) - Number(b.member !== null));

const data: MapData = {
  width: WIDTH,
  height: HEIGHT,
  attribution: 'Borders: Natural Earth 1:50m (public domain), via world-atlas; Crimea shown as part of Ukraine.',
  features,
  members: Object.fromEntries(
    Object.keys(MEMBERS).map((code) => {
      const spot = LABELS[code];
      return [
        code,
        { label: project(spot.label), anchor: project(spot.anchor ?? spot.label), capital: { name: CAPITALS[code].name, at: project(CAPITALS[code].at) } },
      ];
    }),
  ),
  places: PLACES.map((p) => ({ text: p.text, kind: p.kind, at: project(p.at) })).filter(
    (p) => p.at[0] > 30 && p.at[0] < WIDTH - 30 && p.at[1] > 10 && p.at[1] < HEIGHT - 10,
  ),
};

const outPath = join(root, 'assets/map/region.json');
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${JSON.stringify(data)}\n`);
const points = features.reduce((n, f) => n + f.rings.reduce((m, r) => m + r.length / 2, 0), 0);
process.stderr.write(`wrote ${outPath}: ${features.length} countries, ${points} points, ${(JSON.stringify(data).length / 1024).toFixed(0)} KB\n`);
