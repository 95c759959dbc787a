import { defineConfig } from 'vitest/config';

/** Build-output, browser, mirror and dev tests: they share one build of the site. */
export default defineConfig({
  test: {
    name: 'site',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/components/**'],
    // Builds the fixture site once for every build-output and browser test (tests/support/global-setup.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    // Searches in Chromium load Pagefind, its indexes and shards over HTTP: on a loaded 2-core machine the first one
    // can take seconds. expect.poll's default (1 s) made those tests fail for being slow, not wrong.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 180_000,
    // Browser tests share one Chromium and one server per file; files run one at a time on a 2-core machine.
    fileParallelism: false,
  },
});
