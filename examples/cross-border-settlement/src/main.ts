import { runCrossBorderSettlement } from './crossBorderSettlement.js'

await runCrossBorderSettlement({ outDir: new URL('../out/', import.meta.url).pathname })
