import { packageConfig } from '../../tsup.config.base.js'

// shims: `import.meta.url` locates the bundled artifacts in the CommonJS build too.
export default packageConfig({ shims: true })
