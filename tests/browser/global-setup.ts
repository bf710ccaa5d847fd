import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { browserRequired, findChromium, INSTALL_HINT } from './chromium.ts';
import { serve } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site, served on 127.0.0.1; empty when Chromium is missing. */
    baseURL: string;
    /** The built site's folder, for tests that open it from disk or serve a copy of their own. */
    siteDir: string;
    chromium: string;
  }
}

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** Builds the site once (with the test scenarios) and serves it for every browser test file. */
export default async function setup(project: TestProject) {
  const chromium = findChromium();
  if (!chromium) {
    if (browserRequired()) throw new Error(`${INSTALL_HINT} CI=true: the browser tests may not be skipped.`);
    process.stderr.write(`\n${INSTALL_HINT} The browser tests are skipped.\n\n`);
    project.provide('chromium', '');
    project.provide('baseURL', '');
    project.provide('siteDir', '');
    return;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'article-four-site-'));
  await build({ root, mode: 'fixtures', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const site = await serve(outDir);
  project.provide('chromium', chromium);
  project.provide('baseURL', site.url);
  project.provide('siteDir', outDir);
  return async () => {
    await site.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
