import { defineConfig, type Options } from 'tsup'

/**
 * The one tsup configuration every public package builds with: ESM + CJS + `.d.ts`
 * from `src/exports/index.ts`, dependencies left external.
 */
export function packageConfig(overrides: Partial<Options> = {}) {
  return defineConfig({
    entry: { index: 'src/exports/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    ...overrides,
  })
}
