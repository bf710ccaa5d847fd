import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Largest file the service worker keeps: Phaser's chunk with the map is about 1.2 MB. */
const LARGEST_KEPT_FILE = 4 * 1024 * 1024;

/**
 * The game installed and offline (Workbox's generated service worker, through vite-plugin-pwa). Everything
 * the site serves is kept at the first visit: the page, its scripts and styles, every scenario (each one
 * a script chunk of the library), the map's borders, the flags and the icons. After that a classroom
 * without a network still opens any scenario, one never played before included. The game draws its text
 * in the computer's own fonts: there are no font files to keep.
 *
 * The worker is registered by src/ui/offline/register.ts (a file, for the page's Content-Security-Policy),
 * and a new version waits until the player reloads: the page says one is ready, it never reloads mid-run.
 */
export function offlinePlugin(): PluginOption {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: false,
    // The icons are kept with everything else in public/ (globPatterns): not listed a second time.
    includeManifestIcons: false,
    manifest: {
      name: 'Article Four',
      short_name: 'Article Four',
      description: 'A strategy game about the Collective Security Treaty Organization, its crises and its choices.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f5f2ea',
      theme_color: '#1f2a36',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,json,svg,png}'],
      maximumFileSizeToCacheInBytes: LARGEST_KEPT_FILE,
      // A reload offline, at any address of the game, gets the page from the cache.
      navigateFallback: 'index.html',
      // The first visit's page is served by the worker as soon as it is installed, so a network lost
      // right after it does not stop the scenario the player opens next.
      clientsClaim: true,
      cleanupOutdatedCaches: true,
    },
  });
}
