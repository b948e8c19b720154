import { runSupplyChainNotary } from './supplyChainNotary.js'

await runSupplyChainNotary()
