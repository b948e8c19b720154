import { CalderaError } from '@caldera/core'
import { defineCommand } from '@caldera/core/cli'
import { startDevnet } from '../actions/startDevnet.js'

/**
 * `caldera devnet up`: starts local chains and keeps them running until interrupted, printing
 * each chain's RPC URL and chain id.
 */
export const devnetUpCommand = defineCommand({
  path: ['devnet', 'up'],
  summary: 'Starts local anvil chains (one per domain) and keeps them running until Ctrl-C.',
  usage: 'caldera devnet up [--chains <name,name,…>] [--block-time <seconds>] [--json]',
  options: {
    chains: {
      type: 'string',
      valueName: '<names>',
      description: 'Comma-separated chain names.',
      default: 'financial,enterprise,light',
    },
    'block-time': {
      type: 'string',
      valueName: '<seconds>',
      description: 'Interval mining (automine when omitted).',
    },
    json: { type: 'boolean', description: 'Print the chains as one JSON line.' },
    'exit-after': {
      type: 'string',
      valueName: '<seconds>',
      description: 'Stop by itself after this many seconds (for scripts).',
    },
  },
  async run({ values, io }) {
    const names = (values.chains ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
    const blockTime = values['block-time'] === undefined ? undefined : Number(values['block-time'])
    if (blockTime !== undefined && !(blockTime > 0))
      throw new CalderaError(
        `--block-time must be a positive number of seconds, got ${JSON.stringify(values['block-time'])}.`,
        {
          hint: 'Pass e.g. --block-time 1, or omit it for automine.',
        },
      )
    const exitAfter = values['exit-after'] === undefined ? undefined : Number(values['exit-after'])
    if (exitAfter !== undefined && !(exitAfter >= 0))
      throw new CalderaError(
        `--exit-after must be a number of seconds, got ${JSON.stringify(values['exit-after'])}.`,
      )
    const devnet = await startDevnet({
      chains: names.map((name) => ({ name, ...(blockTime !== undefined && { blockTime }) })),
    })
    const chains = devnet.chains.map(({ name, chainId, rpcUrl, wsUrl }) => ({ name, chainId, rpcUrl, wsUrl }))
    if (values.json) io.stdout(`${JSON.stringify(chains)}\n`)
    else {
      for (const c of chains) io.stdout(`${c.name.padEnd(12)} chain ${c.chainId}  ${c.rpcUrl}  ${c.wsUrl}\n`)
      io.stdout(
        exitAfter === undefined ? 'Running. Press Ctrl-C to stop.\n' : `Running for ${exitAfter} s.\n`,
      )
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
      if (exitAfter !== undefined) setTimeout(stop, exitAfter * 1000)
    })
    await devnet.stop()
    io.stdout('Stopped every chain.\n')
    return 0
  },
})
