import { packageConfig } from '../../tsup.config.base.js'

export default [
  packageConfig({ entry: { index: 'src/exports/index.ts', cli: 'src/exports/cli.ts' } }),
  packageConfig({
    entry: { caldera: 'src/bin/caldera.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  }),
]
