/**
 * Orders strings by their UTF-16 code units, as `<` does. A comparison by collation follows the reader's locale
 * (Danish puts "aa" after "z"), so a report sorted with it would differ from one machine to the next.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
