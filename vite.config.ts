import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { cliBundleConfig } from './src/build/cli-bundle.ts';
import { offlinePlugin } from './src/build/offline.ts';
import { scenarioIndexPlugin } from './src/build/scenario-index.ts';
import { BROWSER_FIXTURES_FOLDER, FIXTURES_FOLDER, SCENARIOS_FOLDER } from './src/node/scenario-folder.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The built page carries a strict Content-Security-Policy as its first tag: no inline script, no eval.
 * Only the build: the dev server injects styles inline for hot reloading.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'article-four-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/** Phaser's build flags: both renderers (Canvas where WebGL is missing), no sound, no debug, no plugins. */
const PHASER_FLAGS = {
  'typeof CANVAS_RENDERER': JSON.stringify(true),
  'typeof WEBGL_RENDERER': JSON.stringify(true),
  'typeof WEBGL_DEBUG': JSON.stringify(false),
  'typeof FEATURE_SOUND': JSON.stringify(false),
  'typeof PLUGIN_CAMERA3D': JSON.stringify(false),
  'typeof PLUGIN_FBINSTANT': JSON.stringify(false),
  // Phaser's entry assigns `global.Phaser`.
  global: 'globalThis',
};

/**
 * Tests whose strength grows with their size (tests/support/tier.ts): `npm test` runs them on a sample,
 * with everything else; `npm run test:full` (TEST_TIER=full) runs only them, at full size.
 */
const SIZED_TESTS = [
  'tests/engine/fuzz.test.ts',
  'tests/engine/determinism.test.ts',
  'tests/engine/russia-patron.test.ts',
  'tests/engine/calendar.test.ts',
  'tests/engine/recalls-and-history.test.ts',
  'tests/scenarios/balance-targets.test.ts',
];
const FULL_TIER = process.env.TEST_TIER === 'full';

export default defineConfig(({ mode }) =>
  mode === 'cli'
    ? cliBundleConfig(here('.'))
    : {
        // Relative paths, so the built game runs from any folder of a web server: a school's, or one started on a
        // laptop from a USB stick (README, "Offline and installing"). Opened straight from disk (file://) the
        // browser refuses its module scripts; public/start-check.js then says what to do.
        base: './',
        server: { host: '127.0.0.1' },
        preview: { host: '127.0.0.1' },
        plugins: [
          contentSecurityPolicy(),
          scenarioIndexPlugin(mode === 'fixtures' ? [SCENARIOS_FOLDER, FIXTURES_FOLDER, BROWSER_FIXTURES_FOLDER] : [SCENARIOS_FOLDER], {
            brokenFailsBuild: mode !== 'fixtures',
          }),
          offlinePlugin(),
        ],
        resolve: {
          alias: [
            // Phaser's source entry without physics, with the renderer flags below: about 60 kB gzip less than its bundle.
            { find: /^phaser$/, replacement: here('./node_modules/phaser/src/phaser-no-physics.js') },
            // The browser tests' build (`--mode fixtures`) adds the test scenarios to the library.
            ...(mode === 'fixtures' ? [{ find: /^\.\/extra-scenarios\.ts$/, replacement: here('./tests/browser/fixture-scenarios.ts') }] : []),
          ],
        },
        define: PHASER_FLAGS,
        // The dev server pre-bundles Phaser on its own, with the same flags.
        optimizeDeps: { rolldownOptions: { transform: { define: PHASER_FLAGS } } },
        // "What tends to happen" runs in a module worker (`type: 'module'`): its bundle must be an ES module.
        worker: { format: 'es' },
        build: {
          target: 'es2022',
          chunkSizeWarningLimit: 1600,
        },
        test: {
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Vitest's default is one worker fewer than the cores: a single one on two cores, idle while Chromium waits.
          maxWorkers: 2,
          projects: FULL_TIER
            ? [{ extends: true, test: { name: 'full', include: SIZED_TESTS } }]
            : [
                // The command line's tests run its bundle, built once (tests/cli/global-setup.ts).
                {
                  extends: true,
                  test: {
                    name: 'node',
                    include: ['tests/**/*.test.ts'],
                    exclude: [...configDefaults.exclude, 'tests/browser/**'],
                    globalSetup: ['tests/cli/global-setup.ts'],
                  },
                },
                // Real Chromium against the built site: built and served once for all browser test files.
                {
                  extends: true,
                  test: {
                    name: 'browser',
                    include: ['tests/browser/**/*.test.ts'],
                    globalSetup: ['tests/cli/global-setup.ts', 'tests/browser/global-setup.ts'],
                    fileParallelism: false,
                  },
                },
              ],
        },
      },
);
