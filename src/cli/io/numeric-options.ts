import { InputError } from './scenario-files.ts';

/**
 * Every number a command takes goes through here, so a typo or an absurd size is refused before any
 * work starts, with the option's bounds in the message, rather than becoming NaN or an endless run.
 */
export interface CountBounds {
  min: number;
  max: number;
}

/** A whole number within bounds: `--runs 1000`. */
export function parseCount(flag: string, text: string, bounds: CountBounds): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < bounds.min || n > bounds.max)
    throw new InputError(`${flag} must be a whole number from ${groupDigits(bounds.min)} to ${groupDigits(bounds.max)} (got '${text}')`);
  return n;
}

/** A share from 0 to 1: `--min 0.8`. */
export function parseShare(flag: string, text: string): number {
  const n = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 0 && n <= 1)) throw new InputError(`${flag} must be a share from 0 to 1, such as 0.8 (got '${text}')`);
  return n;
}

/** 1000000 as 1,000,000, the same in every locale. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The bounds each kind of number has, the same for every command that takes it. */
export const RUNS: CountBounds = { min: 1, max: 1_000_000 };
export const PLAN_SEED_COUNT: CountBounds = { min: 1, max: 100_000 };
export const TOP_ROWS: CountBounds = { min: 1, max: 10_000 };
export const DECISION_NUMBER: CountBounds = { min: 1, max: 10_000 };
/** Threads for a batch: more than the cores only slows it down, but a machine may have many. */
export const WORKERS: CountBounds = { min: 1, max: 256 };
