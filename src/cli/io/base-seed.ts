import { InvalidArgumentError, Option } from 'commander';
import { MAX_SEED_LENGTH } from '../../engine/play/record.ts';

/**
 * Batch commands play run i on `<base>-i`; a base seed leaves room for the dash and up to seven digits,
 * so that every run's own seed stays within what a record or a link can hold, and can be opened alone.
 */
export const MAX_BASE_SEED_LENGTH = MAX_SEED_LENGTH - 8;

export function parseBaseSeed(text: string): string {
  if (text.length > MAX_BASE_SEED_LENGTH)
    throw new InvalidArgumentError(
      `a base seed is at most ${MAX_BASE_SEED_LENGTH} characters, so that each run's seed (<seed>-<run>) is at most ${MAX_SEED_LENGTH}; this one has ${text.length}`,
    );
  return text;
}

/** `--seed` for a command that plays many runs from one base seed. */
export function baseSeedOption(description: string, byDefault: string): Option {
  return new Option('--seed <seed>', description).default(byDefault).argParser(parseBaseSeed);
}
