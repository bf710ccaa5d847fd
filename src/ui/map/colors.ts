/**
 * The loyalty scale: a diverging red-white-blue ramp (ColorBrewer RdBu, readable with the common
 * colour-vision deficiencies), always with the number written beside it: colour is never the only cue.
 * The legend under the map (.legend-ramp in styles/main.css) repeats these stops.
 */
const STOPS: [number, number][] = [
  [0, 0xb2182b],
  [25, 0xef8a62],
  [50, 0xf4efe6],
  [75, 0x67a9cf],
  [100, 0x2166ac],
];

export function loyaltyColor(value: number): number {
  const v = Math.max(0, Math.min(100, value));
  for (let i = 1; i < STOPS.length; i++) {
    const [x1, c1] = STOPS[i];
    const [x0, c0] = STOPS[i - 1];
    if (v <= x1) {
      const t = (v - x0) / (x1 - x0);
      const mix = (shift: number) => Math.round(((c0 >> shift) & 255) * (1 - t) + ((c1 >> shift) & 255) * t);
      return (mix(16) << 16) | (mix(8) << 8) | mix(0);
    }
  }
  return STOPS[STOPS.length - 1][1];
}

export const MAP_COLORS = {
  sea: 0xc6d9e6,
  land: 0xe6e2d6,
  border: 0x8d877a,
  memberBorder: 0x2b2b28,
  absent: 0xcfcbc0,
  hatch: 0x3b3b38,
  crisis: 0xb00020,
  /** The member under the pointer or the keyboard's focus, and the one selected: the page's focus colour, and ink. */
  highlight: 0xb35900,
  selected: 0x1a1a18,
  ink: '#1a1a18',
  muted: '#4d4b45',
  halo: '#ffffff',
};
