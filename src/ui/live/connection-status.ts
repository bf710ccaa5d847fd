import { h } from '../kit/dom.ts';
import type { ConnectionStatus, LiveConnection } from './connection.ts';

/**
 * "Reconnecting…" while the socket is down, in a live region of its own so that it is heard when it comes and
 * when it goes; nothing typed on the page is touched meanwhile (it is sent again once the line is back).
 */
export function connectionStatus(connection: LiveConnection): HTMLElement {
  const text = h('span', { class: 'live-status-text' });
  const el = h('p', { class: 'live-status', role: 'status', 'aria-live': 'polite', 'data-connection': connection.status }, text);
  let everUp = false;
  let clearing = 0;
  const show = (status: ConnectionStatus) => {
    window.clearTimeout(clearing);
    el.dataset.connection = status;
    if (status === 'up') {
      text.textContent = everUp ? 'Connected again.' : '';
      everUp = true;
    } else if (status === 'down') text.textContent = 'Reconnecting… What you type is kept and sent when the connection is back.';
    else text.textContent = everUp ? 'Reconnecting…' : 'Connecting to the class…';
    el.dataset.said = text.textContent === '' ? 'no' : 'yes';
    // "Connected again" has been heard and seen after a few seconds: the line gives the screen its room back.
    if (status === 'up' && text.textContent !== '') {
      clearing = window.setTimeout(() => {
        text.textContent = '';
        el.dataset.said = 'no';
      }, 6000);
    }
  };
  show(connection.status);
  connection.onStatus(show);
  return el;
}
