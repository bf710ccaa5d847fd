import Phaser from 'phaser';
import type { MapState } from './map-state.ts';
import type { MapData } from '../../formats/map-data.ts';
import { MapScene, type ShadingMove } from './map-scene.ts';

export interface MapHandle {
  show(state: MapState): void;
  highlight(hovered: string | null, selected: string | null): void;
  destroy(): void;
}

/** The Phaser game that draws the map: one scene, no input (the page's DOM takes every key and click, over the canvas). */
export function createMapGame(parent: HTMLElement, region: MapData, reducedMotion: () => boolean, onShading: (move: ShadingMove) => void): MapHandle {
  const scene = new MapScene(region, reducedMotion, onShading);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: region.width,
    height: region.height,
    banner: false,
    transparent: false,
    backgroundColor: '#c6d9e6',
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    audio: { noAudio: true },
    disableContextMenu: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    render: { antialias: true, powerPreference: 'low-power' },
    // A map, not an action game: 30 frames a second is smooth enough and halves the work of a school laptop.
    fps: { target: 30, limit: 30 },
    scene: [scene],
  });
  game.canvas?.setAttribute('aria-hidden', 'true');
  // The loop sleeps when the map is still; a new size (the window, the layout) wakes it to refit.
  const resized = new ResizeObserver(() => {
    scene.wakeFor(800);
  });
  resized.observe(parent);
  return {
    show: (state) => scene.show(state),
    highlight: (hovered, selected) => scene.highlight(hovered, selected),
    destroy: () => {
      resized.disconnect();
      game.destroy(true);
    },
  };
}
