import { runCommand } from '@caldera/core/cli'
import { type Devnet, type DevnetChain, startDevnet } from '@caldera/devnet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { domainStack } from '../stack/domainStack.js'
import { deployCommand } from './deployCommand.js'

let devnet: Devnet
let chain: DevnetChain
beforeAll(async () => {
  devnet = await startDevnet({ chains: [{ name: 'cli' }] })
  chain = devnet.chain('cli')
})
afterAll(async () => {
  await devnet?.stop()
})

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCommand(deployCommand, argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: '.',
  })
  return { code, stdout: out.join(''), stderr: err.join('') }
}

describe('caldera deploy', () => {
  const token = '0x00000000000000000000000000000000000e2a00'
  it('prints the plan, addresses and estimate on --dry-run and sends nothing', async () => {
    const before = await chain.publicClient.getBlockNumber()
    const { code, stdout } = await run([
      '--tier',
      'light',
      '--rpc',
      chain.rpcUrl,
      '--token',
      token,
      '--eth-usd',
      '3000',
      '--dry-run',
    ])
    expect(code).toBe(0)
    expect(stdout).toContain('Domain light (light), lite mode')
    expect(stdout).toContain('CloneFactory')
    expect(stdout).toMatch(
      new RegExp(
        `clone domain light \\(${domainStack.filter((c) => c.kind === 'perDomain').length} contracts\\)\\s+\\d+ gas`,
      ),
    )
    expect(stdout).toMatch(/Estimate: \d+ gas × [\d.]+ gwei = [\d.]+ ETH ≈ \$[\d.]+/)
    expect(stdout).toMatch(
      /Traditional deployment of this domain: \d+ gas; lite: \d+ gas now \([\d.]+%\), \d+ gas for each further domain on this chain \([\d.]+%\)/,
    )
    expect(stdout).toContain('Dry run: nothing was sent.')
    expect(await chain.publicClient.getBlockNumber()).toBe(before)
  })

  it('deploys, then says the domain is already there', async () => {
    const first = await run([
      '--tier',
      'enterprise',
      '--name',
      'corp',
      '--rpc',
      chain.rpcUrl,
      '--token',
      token,
    ])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/Deployed corp: \d+ gas used, estimate error 0\.\d\d%/)
    const second = await run([
      '--tier',
      'enterprise',
      '--name',
      'corp',
      '--rpc',
      chain.rpcUrl,
      '--token',
      token,
    ])
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('Already deployed: nothing was sent.')
  })

  it('lists every problem of the options at once', async () => {
    const { code, stderr } = await run([
      '--tier',
      'gold',
      '--rpc',
      chain.rpcUrl,
      '--mode',
      'cheap',
      '--eth-usd',
      'lots',
    ])
    expect(code).toBe(1)
    expect(stderr).toMatchInlineSnapshot(`
      "caldera deploy: Invalid options: 3 problems.

      - --eth-usd: expected dollars like 3000, got "lots"
      - --mode: expected one of "lite", "traditional", got "cheap" (string)
      - --tier: expected one of "financial", "enterprise", "light", got "gold" (string)

      What to do: Correct the options above and run again.
      "
    `)
  })
})
