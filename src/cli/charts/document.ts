/** Observable Plot and the DOM document it draws into in Node, as in a browser. */
export interface ChartKit {
  Plot: typeof import('@observablehq/plot');
  document: Document;
}

/** Loaded only when a chart is asked for: jsdom and Plot take longer to load than most commands take to run. */
export async function chartKit(): Promise<ChartKit> {
  const [{ JSDOM }, Plot] = await Promise.all([import('jsdom'), import('@observablehq/plot')]);
  return { Plot, document: new JSDOM('<!doctype html><html><body></body></html>').window.document };
}

/** Stacks several SVG charts into one SVG file, one below the other, with a title. */
export function stackCharts(document: Document, title: string, charts: SVGSVGElement[]): string {
  const ns = 'http://www.w3.org/2000/svg';
  const width = Math.max(...charts.map((c) => Number(c.getAttribute('width') ?? 640)));
  let y = 36;
  const outer = document.createElementNS(ns, 'svg');
  outer.setAttribute('xmlns', ns);
  outer.setAttribute('font-family', 'system-ui, sans-serif');
  const heading = document.createElementNS(ns, 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', '22');
  heading.setAttribute('font-size', '16');
  heading.setAttribute('font-weight', 'bold');
  heading.textContent = title;
  outer.appendChild(heading);
  for (const chart of charts) {
    chart.setAttribute('y', String(y));
    outer.appendChild(chart);
    y += Number(chart.getAttribute('height') ?? 400) + 16;
  }
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(y));
  outer.setAttribute('viewBox', `0 0 ${width} ${y}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${outer.outerHTML}\n`;
}
