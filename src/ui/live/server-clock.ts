/**
 * The server's clock as seen from this laptop: each message says the server's time, and the difference from
 * the laptop's own is kept, so a phase's timer shows the same minutes on every laptop whatever their clocks say.
 */
export class ServerClock {
  private offset = 0;

  constructor(private readonly local: () => number = () => Date.now()) {}

  /** The server's time as a message gave it. */
  heard(serverNow: number): void {
    this.offset = serverNow - this.local();
  }

  now(): number {
    return this.local() + this.offset;
  }
}
