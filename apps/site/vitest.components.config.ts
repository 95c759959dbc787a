import { getViteConfig } from 'astro/config';

/** Astro components rendered alone with Astro's container API (tests/components/): no site build needed. */
export default getViteConfig({
  test: {
    name: 'components',
    include: ['tests/components/**/*.test.ts'],
    // Rendering through Vite beside the other packages' tests on two cores can pass Vitest's 5-s default; the timeouts
    // only catch a hang.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
