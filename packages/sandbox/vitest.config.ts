import { defineConfig, mergeConfig } from 'vitest/config'
import shared from '../../vitest.shared.js'

// The chain tests each start several anvils and load them: run the files one after another so
// they do not compete for the machine's cores.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false } }))
