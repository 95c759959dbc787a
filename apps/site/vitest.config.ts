import { defineConfig } from 'vitest/config';

// Two kinds of test with different set-ups: components rendered by Astro's container API, and everything that needs
// the built site (see each config).
export default defineConfig({
  test: { projects: ['./vitest.components.config.ts', './vitest.site.config.ts'] },
});
