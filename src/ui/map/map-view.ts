import regionUrl from '../../../assets/map/region.json?url';
import type { MapHandle } from './map-game.ts';
import type { MapState } from './map-state.ts';
import type { MapData } from '../../formats/map-data.ts';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The map beside the screens. Phaser and the borders load after the first screen is up, so the Choose
 * screen answers at once; what is shown before they arrive is drawn as soon as they do.
 */
export class MapView {
  private handle: MapHandle | null = null;
  private state: MapState | null = null;
  private loading: Promise<void> | null = null;
  failed = false;

  constructor(private readonly host: HTMLElement) {}

  load(): Promise<void> {
    this.loading ??= Promise.all([import('./map-game.ts'), fetch(regionUrl).then((r) => r.json() as Promise<MapData>)])
      .then(([{ createMapGame }, region]) => {
        this.handle = createMapGame(this.host, region, reducedMotion);
        if (this.state) this.handle.show(this.state);
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
}
