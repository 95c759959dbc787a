import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `pnpm test` runs every package's lint, typecheck and tests side by side on two cores: a test that takes 1 s alone
  // can take over Vitest's 5-s default there. The timeouts only catch a hang; speed is the bench's job.
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
