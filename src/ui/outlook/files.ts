import { h } from '../kit/dom.ts';

/**
 * Files made on the page and saved through ordinary links: a Blob, its object URL, an <a download>.
 * The URLs hold their data until revoked, so the screen that made them revokes them when it goes.
 */
export class Downloads {
  private urls: string[] = [];

  link(kind: string, label: string, name: string, blob: Blob): HTMLAnchorElement {
    const url = URL.createObjectURL(blob);
    this.urls.push(url);
    return h('a', { href: url, download: name, class: 'button secondary', 'data-download': kind }, label);
  }

  dispose(): void {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
  }
}

/** The chart as a standalone SVG file: its attributes carry every colour and size, so no stylesheet is needed. */
export function svgFile(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/**
 * The SVG drawn onto a canvas at `scale`, as a PNG. The image is read from a blob: URL, which the page's
 * Content-Security-Policy allows for images (img-src 'self' data: blob:) and which leaves the canvas
 * untainted, so it can be read back.
 */
export async function pngFile(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((done, fail) => canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A name a file system accepts on any machine: the scenario, the decision, the seed. */
export function fileStem(scenario: string, at: number, seed: string): string {
  return `article-four_${scenario}_decision-${at}_seed-${seed.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40)}`;
}
