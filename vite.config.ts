import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative paths so the built game also runs from a folder or a USB stick in a classroom.
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
