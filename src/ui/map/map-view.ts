import regionUrl from '../../../assets/map/region.json?url';
import type { MapHandle } from './map-game.ts';
import type { ShadingMove } from './map-scene.ts';
import type { MapState } from './map-state.ts';
import type { MapData } from '../../formats/map-data.ts';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The map beside the screens. Phaser and the borders load after the first screen is up, so the Choose
 * screen answers at once; what is shown before they arrive is drawn as soon as they do. The borders go
 * to the labels too, which place themselves by them.
 */
export class MapView {
  private handle: MapHandle | null = null;
  private state: MapState | null = null;
  private lit: [string | null, string | null] = [null, null];
  private loading: Promise<void> | null = null;
  failed = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly onRegion: (region: MapData) => void,
  ) {}

  load(): Promise<void> {
    if (this.loading) return this.loading;
    const region = fetch(regionUrl).then((r) => r.json() as Promise<MapData>);
    region.then(this.onRegion, () => undefined);
    this.loading = Promise.all([import('./map-game.ts'), region])
      .then(([{ createMapGame }, data]) => {
        this.handle = createMapGame(this.host, data, reducedMotion, (move) => this.noteShading(move));
        if (this.state) this.handle.show(this.state);
        this.handle.highlight(...this.lit);
        this.host.dataset.mapReady = 'true';
      })
      .catch((error: unknown) => {
        this.failed = true;
        this.host.dataset.mapReady = 'failed';
        this.host.replaceChildren(
          Object.assign(document.createElement('p'), {
            className: 'map-failed',
            textContent: 'The map cannot be drawn on this computer; the tables beside it show the same values.',
          }),
        );
        console.warn('the map could not be drawn:', error);
      });
    return this.loading;
  }

  show(state: MapState) {
    this.state = state;
    this.handle?.show(state);
  }

  highlight(hovered: string | null, selected: string | null) {
    this.lit = [hovered, selected];
    this.handle?.highlight(hovered, selected);
  }

  /** How the shading last moved, on the canvas's element: what the tests of reduced motion read. */
  private noteShading(move: ShadingMove) {
    this.host.dataset.shading = move;
    this.host.dataset.shadingMoves = String(Number(this.host.dataset.shadingMoves ?? '0') + 1);
  }
}
