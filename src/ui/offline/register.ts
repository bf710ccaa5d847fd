import { registerSW } from 'virtual:pwa-register';
import { showUpdateBanner } from './update-banner.ts';

/** A classroom may keep the game open all lesson: it asks the server for a new version every hour. */
const CHECK_FOR_UPDATES_MS = 60 * 60 * 1000;

/**
 * Installs the service worker that keeps the whole game for offline play (src/build/offline.ts). Over
 * http only: from a file there is nothing to install, and a browser without service workers plays online.
 * When a new version has been deployed, the page says so and reloads only when the player asks.
 */
export function keepGameOffline(): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const update = registerSW({
    onNeedRefresh: () => showUpdateBanner(document.body, () => void update(true)),
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), CHECK_FOR_UPDATES_MS);
    },
    onRegisterError: (error: unknown) => console.warn('the game could not be kept for offline play:', error),
  });
}
