/**
 * Draws the installed game's icons from emblem.svg with Chromium, into public/icons/:
 * `npx tsx assets/icons/draw-icons.ts`. Run it again after changing the emblem, and commit the PNGs.
 * The maskable icon fills its square (the phone cuts its own shape) and keeps the emblem in the
 * middle 80%, the part every mask keeps.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, launch } from '../../tests/browser/chromium.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, '../../public/icons');
const emblem = readFileSync(join(here, 'emblem.svg'), 'utf8');

const maskable = emblem
  .replace('rx="96"', 'rx="0"')
  .replace('<g id="emblem">', '<g id="emblem" transform="translate(256 256) scale(0.86) translate(-256 -256)">');

const ICONS = [
  { file: 'icon-192.png', size: 192, svg: emblem },
  { file: 'icon-512.png', size: 512, svg: emblem },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable },
  { file: 'apple-touch-icon-180.png', size: 180, svg: maskable },
];

const chromium = findChromium();
if (!chromium) throw new Error('Chromium is needed to draw the icons');
mkdirSync(out, { recursive: true });
const browser = await launch(chromium);
for (const icon of ICONS) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  const svg = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.screenshot({ path: join(out, icon.file), omitBackground: true });
  await page.close();
}
await browser.close();
