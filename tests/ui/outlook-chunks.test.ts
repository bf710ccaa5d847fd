import { describe, expect, it } from 'vitest';
import { ChunkOrder } from '../../src/ui/outlook/chunk-order.ts';
import { MOST_OUTLOOK_WORKERS, outlookWorkerCount } from '../../src/ui/outlook/client.ts';

describe('how many workers play what tends to happen', () => {
  it('should use one per reported core, at most eight, never more than the chunks, and at least one', () => {
    expect(outlookWorkerCount(2, 4)).toBe(2);
    expect(outlookWorkerCount(16, 40)).toBe(MOST_OUTLOOK_WORKERS);
    expect(MOST_OUTLOOK_WORKERS).toBe(8);
    expect(outlookWorkerCount(16, 4)).toBe(4);
    expect(outlookWorkerCount(6, 1)).toBe(1);
    // A browser that does not say, or says something meaningless, gets one.
    expect(outlookWorkerCount(undefined, 4)).toBe(1);
    expect(outlookWorkerCount(0, 4)).toBe(1);
    expect(outlookWorkerCount(Number.NaN, 4)).toBe(1);
    expect(outlookWorkerCount(3.5, 4)).toBe(3);
  });
});

describe('parts in chunk order', () => {
  it('should hand each part over in chunk order, holding back those that arrive early', () => {
    const handed: string[] = [];
    const order = new ChunkOrder<string>(4, (part, index) => handed.push(`${index}:${part}`));
    order.arrived(2, 'c');
    order.arrived(1, 'b');
    expect(handed).toEqual([]);
    order.arrived(0, 'a');
    expect(handed).toEqual(['0:a', '1:b', '2:c']);
    expect(order.complete).toBe(false);
    order.arrived(3, 'd');
    expect(handed).toEqual(['0:a', '1:b', '2:c', '3:d']);
    expect(order.complete).toBe(true);
  });

  it('should refuse a chunk that comes twice or was never sent', () => {
    const order = new ChunkOrder<string>(2, () => {});
    order.arrived(1, 'b');
    expect(() => order.arrived(1, 'again')).toThrow(/chunk 1 of 2/);
    order.arrived(0, 'a');
    expect(() => order.arrived(0, 'again')).toThrow(RangeError);
    expect(() => order.arrived(2, 'c')).toThrow(RangeError);
  });
});
