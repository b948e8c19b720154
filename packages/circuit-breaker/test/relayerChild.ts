// Runs a relayer in its own process (for the crash test): node --conditions=@caldera/source --import tsx test/relayerChild.ts <config.json>
import { readFileSync } from 'node:fs'
import { anvilAccounts } from '@caldera/devnet'
import { createPublicClient, createWalletClient, defineChain, http } from 'viem'
import { devValidators } from '../src/actions/deployChannelNetwork.js'
import { createRelayer } from '../src/relayer/createRelayer.js'

type Config = {
  queueDir: string
  batchSize: number
  domains: {
    name: string
    tier: 'financial' | 'enterprise' | 'light'
    channel: `0x${string}`
    rpcUrl: string
    chainId: number
  }[]
}
const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Config
const account = anvilAccounts(1)[0]!
const print = (value: unknown) =>
  process.stdout.write(`${JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v))}\n`)

const relayer = createRelayer({
  queueDir: config.queueDir,
  batchSize: config.batchSize,
  pollIntervalMs: 50,
  domains: config.domains.map((d) => {
    const chain = defineChain({
      id: d.chainId,
      name: d.name,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [d.rpcUrl] } },
    })
    const transport = http(d.rpcUrl, { retryCount: 0 })
    return {
      name: d.name,
      tier: d.tier,
      channel: d.channel,
      client: createPublicClient({ chain, transport, pollingInterval: 20 }),
      walletClient: createWalletClient({ chain, transport, account, pollingInterval: 20 }),
      signers: devValidators(d.name, 4),
    }
  }),
  onBatchSent: (b) => print({ event: 'sent', ...b }),
  onDelivered: (b) => print({ event: 'delivered', ...b }),
  onError: (e) =>
    print({ event: 'error', message: e instanceof Error ? e.message.split('\n')[0] : String(e) }),
})
await relayer.start()
print({ event: 'started', pending: relayer.pending().length })
process.on('SIGTERM', () => {
  void relayer.stop().then(() => process.exit(0))
})
