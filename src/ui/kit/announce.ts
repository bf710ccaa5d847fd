/**
 * The page's one polite live region: briefings, options and every change are read out through it,
 * in turn, without interrupting the reader.
 */
let region: HTMLElement | null = null;
let pending = 0;

export function mountAnnouncer(parent: HTMLElement): HTMLElement {
  region = document.createElement('div');
  region.id = 'announcer';
  region.className = 'visually-hidden';
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'false');
  parent.appendChild(region);
  return region;
}

export function announce(text: string): void {
  if (!region) return;
  const target = region;
  // Emptied first, then filled on the next frame: a repeated message is read again.
  target.textContent = '';
  const ticket = ++pending;
  requestAnimationFrame(() => {
    if (ticket === pending) target.textContent = text;
  });
}
