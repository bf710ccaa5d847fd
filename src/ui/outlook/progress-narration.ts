import { announce } from '../kit/announce.ts';

/** Progress spoken at quarters, and only if the last word was a while ago: a short batch is not narrated. */
export class ProgressNarration {
  private announcedAt = 0;
  private announcedQuarter = 0;

  restart() {
    this.announcedQuarter = 0;
    this.announcedAt = performance.now();
  }

  heard(done: number, all: number) {
    const quarter = Math.floor((done / all) * 4);
    if (quarter > this.announcedQuarter && quarter < 4 && performance.now() - this.announcedAt > 3000) {
      this.announcedQuarter = quarter;
      this.announcedAt = performance.now();
      announce(`${quarter * 25}% done.`);
    }
  }
}
