/**
 * A QR code's dark modules as one SVG path, a unit square each, row by row: drawn as DOM (an attribute, no
 * markup and no inline style), so the page's strict Content-Security-Policy has nothing to refuse.
 */
export function qrPath(size: number, dark: (row: number, col: number) => boolean): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!dark(row, col)) continue;
      // Runs of dark modules on a row are one rectangle.
      let run = 1;
      while (col + run < size && dark(row, col + run)) run++;
      parts.push(`M${col} ${row}h${run}v1h-${run}z`);
      col += run - 1;
    }
  }
  return parts.join('');
}
