import { getViteConfig } from 'astro/config';

/** Astro components rendered alone with Astro's container API (tests/components/): no site build needed. */
export default getViteConfig({
  test: {
    name: 'components',
    include: ['tests/components/**/*.test.ts'],
  },
});
