import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parse } from '@caldera/core'
import { z } from 'zod'
import { AnvilNotFoundError } from '../errors/devnet.js'

const platforms: Record<string, string> = {
  'linux-x64': 'linux-amd64',
  'linux-arm64': 'linux-arm64',
  'darwin-x64': 'darwin-amd64',
  'darwin-arm64': 'darwin-arm64',
  'win32-x64': 'win32-amd64',
}

/**
 * Finds the anvil binary shipped by the `@foundry-rs/anvil` npm package for this platform, so
 * anvil runs directly (no wrapper process between us and the chain we must be able to kill).
 * `CALDERA_ANVIL_PATH` overrides it.
 */
export function resolveAnvilBinary(explicit?: string): string {
  parse(z.string().min(1).optional(), explicit, 'anvil binary path')
  const override = explicit ?? process.env.CALDERA_ANVIL_PATH
  if (override) {
    if (!existsSync(override)) throw new AnvilNotFoundError({ platform: `path ${override}` })
    return override
  }
  const key = `${process.platform}-${process.arch}`
  const suffix = platforms[key]
  if (!suffix) throw new AnvilNotFoundError({ platform: key })
  try {
    const require = createRequire(import.meta.url)
    const wrapper = require.resolve('@foundry-rs/anvil/package.json')
    const fromWrapper = createRequire(wrapper)
    const pkg = fromWrapper.resolve(`@foundry-rs/anvil-${suffix}/package.json`)
    const binary = join(dirname(pkg), 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil')
    if (!existsSync(binary)) throw new Error(`${binary} is missing`)
    return binary
  } catch (cause) {
    throw new AnvilNotFoundError({ platform: key, cause })
  }
}
