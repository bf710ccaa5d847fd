import { registerSW } from 'virtual:pwa-register';
import { showUpdateBanner } from './update-banner.ts';

/** A classroom may keep the game open all lesson: it asks the server for a new version every hour. */
const CHECK_FOR_UPDATES_MS = 60 * 60 * 1000;

/**
 * Installs the service worker that keeps the whole game for offline play (src/build/offline.ts). Browsers
 * offer service workers over https and on localhost only; elsewhere, and from a file, the game plays online.
 * When a new version has been deployed, the page says so and reloads only when the player asks.
 */
export function keepGameOffline(): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const update = registerSW({
    onNeedRefresh: () => showUpdateBanner(document.body, reload),
    // The page reloads itself once the new version has taken it (below), also in the session whose visit
    // first installed the game, where the plugin's own reload does not come.
    onNeedReload: () => undefined,
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), CHECK_FOR_UPDATES_MS);
    },
    onRegisterError: (error: unknown) => console.warn('the game could not be kept for offline play:', error),
  });
  // Only when the player asks: the waiting version takes over, and the page reloads into it.
  const reload = () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    void update();
  };
}
