import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/**
 * Unit and property tests. Node by default (the engine and scenario code are pure);
 * a component test opts in to a DOM with a first-line docblock:
 *
 *     // @vitest-environment jsdom
 *
 * Playwright specs live in e2e/ and are not picked up here.
 */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      restoreMocks: true,
      setupFiles: ['src/test/fast-check-setup.ts'],
    },
  }),
);
