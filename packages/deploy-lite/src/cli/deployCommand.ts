import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CalderaError, formatUsd, parseUsd, ValidationError } from '@caldera/core'
import { defineCommand } from '@caldera/core/cli'
import {
  type Account,
  type Address,
  createWalletClient,
  formatEther,
  formatGwei,
  type Hex,
  http,
  isAddress,
  parseGwei,
  publicActions,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { getChainId } from 'viem/actions'
import { executeDeployment } from '../actions/executeDeployment.js'
import { type DeploymentPlan, planDeployment } from '../actions/planDeployment.js'
import { validateDeployConfig } from '../config/deployConfig.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { domainStack } from '../stack/domainStack.js'

/**
 * `caldera deploy`: plans a domain deployment, prints the plan, the addresses and the estimate,
 * and deploys unless `--dry-run`. Signs with `CALDERA_PRIVATE_KEY` when set, else with an
 * account the node unlocks (`--from`, or its first account, e.g. on anvil).
 *
 * @example
 * import { runCommand } from '@caldera/core/cli'
 * import { deployCommand } from '@caldera/deploy-lite'
 * await runCommand(deployCommand, ['--tier', 'light', '--rpc', 'http://127.0.0.1:8545', '--token', token, '--dry-run'])
 */
export const deployCommand = defineCommand({
  path: ['deploy'],
  summary: "Plans and deploys a risk domain's contract stack (lite: one clone transaction per domain).",
  usage:
    'caldera deploy --tier <tier> --rpc <url> [--dry-run] [--name <domain>] [--mode lite|traditional] [--token <address>]',
  options: {
    tier: {
      type: 'string',
      description: 'Tier of the domain: financial, enterprise or light.',
      valueName: '<tier>',
    },
    rpc: { type: 'string', description: 'RPC URL of the chain to deploy to.', valueName: '<url>' },
    'dry-run': { type: 'boolean', description: 'Print the plan, addresses and estimate; send nothing.' },
    name: { type: 'string', description: 'Domain name (default: the tier).', valueName: '<domain>' },
    mode: { type: 'string', description: 'lite (default) or traditional.', valueName: '<mode>' },
    token: {
      type: 'string',
      description: 'ERC-20 the Channel moves (and the staking token unless --era-token).',
      valueName: '<address>',
    },
    'era-token': {
      type: 'string',
      description: 'ERA token validators bond (default: --token).',
      valueName: '<address>',
    },
    admin: {
      type: 'string',
      description: 'Admin of the contracts (default: the deployer).',
      valueName: '<address>',
    },
    from: {
      type: 'string',
      description: 'Unlocked node account to send from (without CALDERA_PRIVATE_KEY).',
      valueName: '<address>',
    },
    'gas-price': {
      type: 'string',
      description: 'Gas price in gwei for the estimate (default: the chain price).',
      valueName: '<gwei>',
    },
    'eth-usd': {
      type: 'string',
      description: 'USD price of 1 ETH for the estimate, e.g. 3000.',
      valueName: '<usd>',
    },
    config: {
      type: 'string',
      description: 'JSON file with more config (params, poster, profile...).',
      valueName: '<file>',
    },
  },
  description:
    'Exit codes: 0 deployed, already deployed or dry run; 1 invalid config or failed deployment; 2 usage.',
  async run({ values, io }) {
    const extra = values.config ? readJson(resolve(io.cwd, values.config)) : {}
    const key = process.env.CALDERA_PRIVATE_KEY as Hex | undefined
    const flagProblems: string[] = []
    if (!values.rpc) flagProblems.push('--rpc: expected an http(s) or ws(s) URL, got nothing')
    if (values.from && !isAddress(values.from))
      flagProblems.push(`--from: expected an address, got "${values.from}"`)
    if (values['gas-price'] && !/^\d+(\.\d+)?$/.test(values['gas-price']))
      flagProblems.push(`--gas-price: expected gwei like 1.5, got "${values['gas-price']}"`)
    if (values['eth-usd'] && !/^\d+(\.\d{1,6})?$/.test(values['eth-usd']))
      flagProblems.push(`--eth-usd: expected dollars like 3000, got "${values['eth-usd']}"`)
    // Validate the whole config before any RPC call (chain id and deployer filled in later).
    try {
      validateDeployConfig({
        config: buildInput({
          values,
          extra,
          chainId: 1,
          deployer: '0x0000000000000000000000000000000000000001',
        }),
        stack: domainStack,
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      for (const issue of error.issues)
        flagProblems.push(
          `${flagOf[issue.path] ?? issue.path}: expected ${issue.expected}, got ${issue.received}`,
        )
    }
    if (flagProblems.length > 0)
      throw new CalderaError(
        `Invalid options: ${flagProblems.length} problem${flagProblems.length === 1 ? '' : 's'}.`,
        {
          metaMessages: flagProblems.map((p) => `- ${p}`),
          hint: 'Correct the options above and run again.',
        },
      )
    const account: Account | Address | undefined = key
      ? privateKeyToAccount(key)
      : (values.from as Address | undefined)
    const client = createWalletClient({ transport: http(values.rpc), ...(account && { account }) }).extend(
      publicActions,
    )
    const deployer =
      typeof account === 'string' ? account : (account?.address ?? (await client.getAddresses())[0])
    if (!deployer)
      throw new CalderaError('No account to deploy from.', {
        hint: 'Set CALDERA_PRIVATE_KEY or pass --from <unlocked address>.',
      })
    const input = buildInput({ values, extra, chainId: await getChainId(client), deployer })
    const config = validateDeployConfig({ config: input, stack: domainStack })
    const plan = await planDeployment(client, { config, deployer })
    io.stdout(formatPlan(plan))
    if (config.mode === 'lite' && !plan.alreadyDeployed) {
      // What the same domain would cost the traditional way (simulated, nothing sent).
      const traditional = await planDeployment(client, {
        config: { ...input, mode: 'traditional' },
        deployer,
      }).catch(() => null)
      if (traditional && !traditional.alreadyDeployed) {
        const domainGas = plan.steps.filter((s) => s.kind === 'domain').reduce((sum, s) => sum + s.gas, 0n)
        io.stdout(
          `Traditional deployment of this domain: ${traditional.gas} gas; lite: ${plan.gas} gas now (${percent(plan.gas, traditional.gas)}), ` +
            `${domainGas} gas for each further domain on this chain (${percent(domainGas, traditional.gas)}).\n`,
        )
      }
    }
    if (values['dry-run']) {
      io.stdout(
        plan.alreadyDeployed ? '\nAlready deployed: nothing to do.\n' : '\nDry run: nothing was sent.\n',
      )
      return 0
    }
    const walletClient = createWalletClient({ transport: http(values.rpc), account: account ?? deployer })
    const result = await executeDeployment(walletClient, { plan })
    if (result.status === 'already-deployed') {
      io.stdout('\nAlready deployed: nothing was sent.\n')
      return 0
    }
    io.stdout('\nSent:\n')
    for (const t of result.transactions)
      io.stdout(`  ${t.label.padEnd(40)} ${t.hash}  gas ${t.gasUsed} (estimated ${t.estimatedGas})\n`)
    io.stdout(
      `Deployed ${plan.config.domain.name}: ${result.gasUsed} gas used, estimate error ${(result.estimateError * 100).toFixed(2)}%.\n`,
    )
    return 0
  },
})

/** Config paths set by a flag, so problems name the flag. */
const flagOf: Record<string, string> = {
  mode: '--mode',
  'domain.tier': '--tier',
  'domain.name': '--name (or --tier)',
  admin: '--admin',
  'params.Channel': '--token',
  'params.Channel.token': '--token',
  'params.StakingRegistry': '--token / --era-token',
  'params.StakingRegistry.token': '--era-token (or --token)',
}

type DeployValues = {
  tier?: string | undefined
  name?: string | undefined
  mode?: string | undefined
  token?: string | undefined
  'era-token'?: string | undefined
  admin?: string | undefined
  'gas-price'?: string | undefined
  'eth-usd'?: string | undefined
}

function buildInput(parameters: { values: DeployValues; extra: object; chainId: number; deployer: Address }) {
  const { values, chainId, deployer } = parameters
  const extra = parameters.extra as { mode?: unknown; domain?: object; admin?: unknown; params?: object }
  const { token } = values
  return {
    ...extra,
    mode: values.mode ?? extra.mode ?? 'lite',
    domain: { ...(extra.domain ?? {}), name: values.name ?? values.tier, tier: values.tier, chainId },
    admin: values.admin ?? extra.admin ?? deployer,
    ...(values['gas-price'] &&
      /^\d+(\.\d+)?$/.test(values['gas-price']) && { gasPrice: parseGwei(values['gas-price']) }),
    ...(values['eth-usd'] &&
      /^\d+(\.\d{1,6})?$/.test(values['eth-usd']) && { ethUsd: parseUsd(values['eth-usd']) }),
    params: {
      ...(token && { Channel: { token }, StakingRegistry: { token: values['era-token'] ?? token } }),
      ...(extra.params ?? {}),
    },
  }
}

function percent(part: bigint, whole: bigint): string {
  return `${((Number(part) / Number(whole)) * 100).toFixed(1)}%`
}

function readJson(path: string): object {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new CalderaError(`Cannot read the config file ${path}.`, {
      cause,
      hint: 'Pass a readable JSON file.',
    })
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new CalderaError(`The config file ${path} must hold a JSON object.`, {
      details: `config: expected an object, got ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}`,
      hint: 'Write the extra config as {"params": …, "poster": …}.',
    })
  return json
}

/**
 * Renders a plan for people: mode, addresses, what exists, what will be sent and the estimate.
 *
 * @example
 * console.log(formatPlan(await planDeployment(publicClient, { config, deployer })))
 */
export function formatPlan(plan: DeploymentPlan): string {
  check(inputSchemas.plan, plan, 'deployment plan')
  const { config, addresses } = plan
  const perChain: [string, string][] = [
    ...(addresses.factory ? [['CloneFactory', addresses.factory] as [string, string]] : []),
    ...Object.entries(addresses.implementations).filter(([n, a]) => addresses.contracts[n] !== a),
  ]
  const domain = Object.entries(addresses.contracts).map(([n, a]): [string, string] => [
    n,
    addresses.implementations[n] === a ? `${a}  (shared singleton)` : a,
  ])
  const width = Math.max(...[...perChain, ...domain].map(([n]) => n.length)) + 2
  const row = ([n, a]: [string, string]) => `  ${n.padEnd(width)}${a}`
  const stepWidth = Math.max(0, ...plan.steps.map((s) => s.label.length)) + 2
  const lines = [
    `Domain ${config.domain.name} (${config.domain.tier}), ${config.mode} mode, chain ${plan.chainId}, deployer ${plan.deployer}`,
    '',
    ...(perChain.length > 0 ? ['Implementations (once per chain):', ...perChain.map(row), ''] : []),
    `Contracts of domain ${config.domain.name}:`,
    ...domain.map(row),
    '',
    ...(plan.existing.length > 0 ? ['Already on chain:', ...plan.existing.map((e) => `  ${e}`), ''] : []),
    plan.steps.length > 0 ? 'Transactions:' : 'Transactions: none',
    ...plan.steps.map((s) => `  ${s.label.padEnd(stepWidth)}${String(s.gas).padStart(10)} gas`),
    '',
    `Estimate: ${plan.gas} gas × ${formatGwei(plan.gasPrice)} gwei = ${formatEther(plan.costWei)} ETH` +
      (plan.costUsd === null ? '' : ` ≈ $${formatUsd(plan.costUsd)}`),
  ]
  return `${lines.join('\n')}\n`
}
