import { announce } from '../kit/announce.ts';
import { h } from '../kit/dom.ts';
import './update-banner.css';

export const UPDATE_READY_TEXT = 'A new version of Article Four is ready. Your runs are saved.';
/** Read out, for those who do not see where the note appeared. */
const UPDATE_READY_ANNOUNCED = 'A new version of Article Four is ready: Reload, at the foot of the page, opens it. Your runs are saved.';

/**
 * The quiet note that a new version has been deployed: it waits at the foot of the page until the
 * player reloads or puts it away, and never takes the focus from a decision being made.
 */
export function showUpdateBanner(parent: HTMLElement, reload: () => void): HTMLElement {
  parent.querySelector('.update-banner')?.remove();
  const banner = h(
    'aside',
    { class: 'update-banner', 'aria-labelledby': 'update-banner-text' },
    h('p', { id: 'update-banner-text' }, UPDATE_READY_TEXT),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-action': 'update-reload',
          onclick: (event: Event) => {
            (event.currentTarget as HTMLButtonElement).disabled = true;
            reload();
          },
        },
        'Reload',
      ),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'update-later', onclick: () => banner.remove() }, 'Later'),
    ),
  );
  parent.appendChild(banner);
  announce(UPDATE_READY_ANNOUNCED);
  return banner;
}
