/**
 * Parts handed over in chunk order, whatever order the workers finish them in: a part that arrives early
 * waits for those before it, so what is merged from them cannot depend on how many workers there were.
 */
export class ChunkOrder<Part> {
  private readonly waiting = new Map<number, Part>();
  private next = 0;

  constructor(
    private readonly chunks: number,
    private readonly hand: (part: Part, index: number) => void,
  ) {}

  /** Takes chunk `index`'s part, and hands over every part now next in line. */
  arrived(index: number, part: Part): void {
    if (!Number.isInteger(index) || index < this.next || index >= this.chunks || this.waiting.has(index))
      throw new RangeError(`chunk ${index} of ${this.chunks} came twice or was never sent`);
    this.waiting.set(index, part);
    while (this.waiting.has(this.next)) {
      const ready = this.waiting.get(this.next) as Part;
      this.waiting.delete(this.next);
      this.hand(ready, this.next);
      this.next++;
    }
  }

  /** Every part has been handed over. */
  get complete(): boolean {
    return this.next === this.chunks;
  }
}
