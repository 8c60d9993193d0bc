import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser tests serve the production build; it is made once per run.
    globalSetup: ['test/build-web-app.ts'],
    // The default report, then every failure again in one line where a CI log's tail shows it.
    reporters: ['default', './test/failure-summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run in two workers; each makes its own databases.
    maxWorkers: 2,
  },
});
