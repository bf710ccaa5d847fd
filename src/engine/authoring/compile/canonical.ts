/**
 * The constant equal to `text`. The engine compares member codes, fields and statuses on every decision:
 * a constant written in the code compares by reference, a string read from a file character by character.
 */
export function canonical<T extends string>(constants: readonly T[], text: string): T | undefined {
  return constants.find((c) => c === text);
}
