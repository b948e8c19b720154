import { defineConfig } from 'vitest/config'

// Examples import the packages as users do: through their built public entry points.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000 } })
