/**
 * Adds one part's counts into a total. Keys new to the total are added in the part's order, so merging
 * parts in seed order keeps keys in the order they were first met, as counting the runs in one pass does.
 */
export function addCounts(total: Record<string, number>, part: Record<string, number>): void {
  for (const [key, n] of Object.entries(part)) total[key] = (total[key] ?? 0) + n;
}
