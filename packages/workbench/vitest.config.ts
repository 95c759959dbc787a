import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The browser tests start Chromium and a server each; on a shared two-core machine they need more than 5 s.
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
