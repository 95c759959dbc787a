import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the fixture site once for every build-output and browser test (tests/support/global-setup.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests share one Chromium and one server per file; files run one at a time on a 2-core machine.
    fileParallelism: false,
  },
});
