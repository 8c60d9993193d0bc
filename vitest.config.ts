import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser tests serve the production build; it is made once per run.
    globalSetup: ['test/build-web-app.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run in two workers; each makes its own databases.
    maxWorkers: 2,
  },
});
