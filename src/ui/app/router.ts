import { parseRoute, type ClassPage, type LivePage, type RunView } from '../kit/route.ts';

export interface Routes {
  run(slot: string, view: RunView, ticket: number): void;
  share(hash: string, ticket: number): void;
  choose(): void;
  /** The classroom's pages: setting up an exercise, its printables, the class's results. */
  classroom(page: ClassPage, hash: string, ticket: number): void;
  /** A live class: joining, a student's table, the teacher's dashboard, the teacher at a table. */
  live(page: LivePage, ticket: number): void;
  /** An address the page does not know. */
  notFound(hash: string): void;
}

/**
 * The page's addresses (see route.ts) to what it shows. Every route takes a ticket: a scenario that
 * finishes loading after the player has moved on is dropped.
 */
export class Router {
  private routed = 0;

  constructor(private readonly routes: Routes) {}

  start() {
    window.addEventListener('hashchange', () => this.route());
    this.route();
  }

  route() {
    const hash = location.hash;
    const ticket = this.ticket();
    const route = parseRoute(hash);
    if (route.kind === 'run') this.routes.run(route.slot, route.view, ticket);
    else if (route.kind === 'share') this.routes.share(hash, ticket);
    else if (route.kind === 'choose') this.routes.choose();
    else if (route.kind === 'class') this.routes.classroom(route.page, hash, ticket);
    else if (route.kind === 'live') this.routes.live(route.page, ticket);
    else this.routes.notFound(hash);
  }

  go(hash: string, replaceEntry = false) {
    if (location.hash === hash) this.route();
    else if (replaceEntry) {
      history.replaceState(null, '', hash);
      this.route();
    } else location.hash = hash;
  }

  ticket(): number {
    return ++this.routed;
  }

  isCurrent(ticket: number): boolean {
    return ticket === this.routed;
  }
}
