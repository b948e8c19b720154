import { defineConfig } from 'vitest/config'

/**
 * Workspace packages resolve to their TypeScript sources in tests (the `@caldera/source`
 * export condition), so a change in one package is seen by the others without a rebuild.
 * The rest are Vite's default server conditions.
 */
const conditions = ['@caldera/source', 'module', 'node', 'development|production']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@caldera/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
