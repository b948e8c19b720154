import { packageConfig } from '../../tsup.config.base.js'

export default packageConfig({
  entry: { index: 'src/exports/index.ts', node: 'src/exports/node.ts', cli: 'src/exports/cli.ts' },
  shims: true,
})
