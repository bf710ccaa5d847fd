/**
 * Statistics that stream: nothing here holds runs one by one, so 100,000 runs take the same memory as 100.
 */

const Z95 = 1.959963984540054;

export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
}

/** The values a quantity can possibly take. */
export interface Range {
  min: number;
  max: number;
}

const UNBOUNDED: Range = { min: -Infinity, max: Infinity };

/** A difference of two shares (each 0 to 1) lies between -1 and 1. */
export const SHARE_DIFFERENCE: Range = { min: -1, max: 1 };

/** A difference of two meters (each 0 to 100) lies between -100 and 100. */
export const METER_DIFFERENCE: Range = { min: -100, max: 100 };

/** Wilson score interval for a proportion: sound near 0 and 1, where the normal approximation is not. */
export function wilson(successes: number, n: number): Interval {
  if (n === 0) return { estimate: 0, lo: 0, hi: 1 };
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { estimate: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/** Running mean and variance (Welford), for paired differences between policies. */
export class Moments {
  n = 0;
  mean = 0;
  private m2 = 0;

  add(x: number): void {
    this.n++;
    const delta = x - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (x - this.mean);
  }

  variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : 0;
  }

  /**
   * Normal 95% interval for the mean: with paired runs this is the interval of the difference. The normal
   * approximation knows no bounds, so near a bound it reaches past what can happen (a difference of two
   * shares below -1); `range` is what the mean can possibly be, and the interval is cut to it.
   */
  interval(range: Range = UNBOUNDED): Interval {
    const half = this.n > 1 ? Z95 * Math.sqrt(this.variance() / this.n) : 0;
    return { estimate: this.mean, lo: Math.max(range.min, this.mean - half), hi: Math.min(range.max, this.mean + half) };
  }
}

/** A histogram over [0, 100] in steps of 0.1, from which percentiles are read to that precision. */
export class Histogram {
  private readonly bins = new Uint32Array(1001);
  n = 0;
  sum = 0;

  add(x: number): void {
    const i = Math.round(Math.min(100, Math.max(0, x)) * 10);
    this.bins[i] = (this.bins[i] ?? 0) + 1;
    this.n++;
    this.sum += x;
  }

  mean(): number {
    return this.n ? this.sum / this.n : NaN;
  }

  /** Counts in bins `width` wide from 0 (the last bin also holds 100): for drawing the distribution. */
  coarse(width: number): number[] {
    const out = new Array<number>(Math.ceil(100 / width)).fill(0);
    this.bins.forEach((count, i) => {
      const bin = Math.min(out.length - 1, Math.floor(i / 10 / width));
      if (count) out[bin] = (out[bin] ?? 0) + count;
    });
    return out;
  }

  /** The q-th quantile (0..1): the smallest value with at least q of the runs at or below it. */
  quantile(q: number): number {
    if (this.n === 0) return NaN;
    const target = Math.max(1, Math.ceil(q * this.n));
    let seen = 0;
    let i = 0;
    for (const count of this.bins) {
      seen += count;
      if (seen >= target) return i / 10;
      i++;
    }
    return 100;
  }
}
