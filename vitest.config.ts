// Vitest configuration: three projects, run one after another (sequence.groupOrder) so that builds
// and browsers never compete for the two cores. `unit`: fast, pure tests (parser, graph, render,
// training, demos' build-time parts). `integration`: tests that generate corpora and run the
// pipeline or the CLI. `e2e`: tests that build sites and drive Debian's Chromium via playwright-core;
// the fixture site (tests/fixtures/site) is built once for them all (tests/e2e/fixture-site.setup.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/integration/**'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/fixture-site.setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 900_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
