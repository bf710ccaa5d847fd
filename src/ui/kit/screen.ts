/** What a screen gives the page: its element, the heading focus moves to, and what the live region reads. */
export interface Screen {
  el: HTMLElement;
  heading: HTMLElement;
  announcement: string;
  /** Called when the page leaves the screen: to stop work it started (a worker) and free what it holds. */
  dispose?: () => void;
  /** The screen takes the page's whole width: no map and meters beside it (the class's Council on a projector). */
  wide?: boolean;
}
