import { create } from 'qrcode';
import { s } from '../kit/dom.ts';
import { qrPath } from './qr-path.ts';

/** The QR code of an address, as SVG built with the DOM, with the quiet zone round it that readers need. */
export function qrCode(text: string, label: string): SVGSVGElement {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const size = modules.size + quiet * 2;
  return s(
    'svg',
    { class: 'qr-code', viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': label, 'data-qr': text, 'shape-rendering': 'crispEdges' },
    s('rect', { width: size, height: size, fill: '#fff' }),
    s('path', { d: qrPath(modules.size, (r, c) => Boolean(modules.get(r, c))), fill: '#000', transform: `translate(${quiet} ${quiet})` }),
  );
}
