/**
 * The timer's own polite live region, apart from the page's announcer (which reads each screen as it comes):
 * mounted once and kept across screens, so what it says is heard, and a screen's own words are not cut short.
 */
let region: HTMLElement | null = null;

export function timerAnnouncer(): (text: string) => void {
  if (!region) {
    region = document.createElement('div');
    region.className = 'visually-hidden';
    region.setAttribute('aria-live', 'polite');
    region.dataset.timerAnnouncer = '';
    document.body.appendChild(region);
  }
  const target = region;
  return (text) => {
    target.textContent = '';
    // After a beat, so the screen's own announcement is read first and this one after it.
    window.setTimeout(() => (target.textContent = text), 600);
  };
}
