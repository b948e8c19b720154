import {
  createRelayer,
  isolateDomain,
  sendTransfer,
  setLanePaused,
  settleHeld,
} from '@caldera/circuit-breaker'
import { channelAbi } from '@caldera/contracts'
import { domainIdOf } from '@caldera/core'
import { createAttestationProof } from '@caldera/risk-domain'
import fc from 'fast-check'
import { mine, waitForTransactionReceipt, writeContract } from 'viem/actions'
import { keyOf } from './ledger.js'
import { checkStep, cut, InvariantError, laneOpen, type Model, type Real } from './model.js'
import { ACCOUNTS, DOMAINS, LANE_LIMITS, validatorsOf } from './network.js'

type Command = fc.AsyncCommand<Model, Real, false>
const TOKEN = 10n ** 18n

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** A user sends tokens across a lane: sent, held by the guard (a trip), or refused on a cut lane. */
class SendCommand implements Command {
  constructor(
    readonly source: string,
    readonly destination: string,
    readonly user: number,
    readonly recipient: number,
    readonly tokens: bigint,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const chain = r.network.chain(this.source)
    const wallet = { ...chain.walletClient, account: chain.accounts[this.user]! } as typeof chain.walletClient
    const amount = this.tokens * TOKEN
    const parameters = {
      channel: r.network.domain(this.source).channel,
      toDomain: this.destination,
      recipient: r.network.chain(this.destination).accounts[this.recipient]!.address,
      amount,
    }
    if (cut(m, this.source, this.destination)) {
      const refused = await sendTransfer(wallet, parameters).then(
        () => undefined,
        (e: unknown) => message(e),
      )
      if (refused === undefined) throw new InvariantError(`${this} went through a cut lane`)
      if (!refused.includes('LaneIsPaused')) throw new InvariantError(`${this} refused oddly: ${refused}`)
      r.stats.refused = (r.stats.refused ?? 0) + 1
    } else {
      const result = await sendTransfer(wallet, parameters)
      m.locked[this.source]! += amount
      if (amount > LANE_LIMITS.maxTransfer && !result.held)
        throw new InvariantError(`${this} above the single-transfer limit was not held`)
      r.stats[result.held ? 'held' : 'sent'] = (r.stats[result.held ? 'held' : 'sent'] ?? 0) + 1
      if (result.held) {
        m.held.push({ domain: this.source, id: result.heldId, amount, settled: false })
        m.paused[this.source]![this.destination] = true
        m.isolated[this.source] = true
      }
    }
    await checkStep(m, r, String(this))
  }
  toString() {
    return `send(${this.source}→${this.destination}, ${this.tokens} tokens)`
  }
}

/** The relayer (a fresh instance on the run's journal, as after a restart) runs one pass. */
class RelayCommand implements Command {
  constructor(readonly batchSize: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    const errors: string[] = []
    const relayer = createRelayer({
      queueDir: r.queueDir,
      batchSize: this.batchSize,
      domains: DOMAINS.map((name) => {
        const d = r.network.domain(name)
        const chain = r.network.chain(name)
        return {
          name,
          tier: d.tier,
          channel: d.channel,
          client: chain.publicClient,
          walletClient: chain.walletClient,
          signers: d.validators,
        }
      }),
      onError: (e) => errors.push(message(e).split('\n')[0]!),
    })
    try {
      await relayer.tick()
    } finally {
      await relayer.stop()
    }
    if (errors.length > 0) throw new InvariantError(`${this}: relayer errors: ${errors.join('; ')}`)
    await checkStep(m, r, String(this), (source, destination) => laneOpen(m, source, destination))
  }
  toString() {
    return `relay(batch ${this.batchSize})`
  }
}

/** The watcher's isolation of a domain: it isolates itself and every peer pauses its lane to it. */
class IsolateCommand implements Command {
  constructor(readonly domain: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    await Promise.all(
      DOMAINS.map((chain) =>
        isolateDomain(r.network.chain(chain).walletClient, {
          channel: r.network.domain(chain).channel,
          domain: this.domain,
        }),
      ),
    )
    m.isolated[this.domain] = true
    for (const peer of DOMAINS) if (peer !== this.domain) m.paused[peer]![this.domain] = true
    await checkStep(m, r, String(this))
  }
  toString() {
    return `isolate(${this.domain})`
  }
}

/** A breaker pauses one lane on one chain. */
class PauseLaneCommand implements Command {
  constructor(
    readonly chain: string,
    readonly peer: string,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    await setLanePaused(r.network.chain(this.chain).walletClient, {
      channel: r.network.domain(this.chain).channel,
      peer: this.peer,
      paused: true,
    })
    m.paused[this.chain]![this.peer] = true
    await checkStep(m, r, String(this))
  }
  toString() {
    return `pauseLane(${this.chain}: ${this.peer})`
  }
}

/** Governance releases (a new outgoing message) or refunds one open held transfer. */
class SettleCommand implements Command {
  constructor(
    readonly pick: number,
    readonly action: 'release' | 'refund',
  ) {}
  check = (m: Readonly<Model>) => m.held.some((h) => !h.settled)
  async run(m: Model, r: Real) {
    const open = m.held.filter((h) => !h.settled)
    const held = open[this.pick % open.length]!
    await settleHeld(r.network.chain(held.domain).walletClient, {
      channel: r.network.domain(held.domain).channel,
      heldId: held.id,
      action: this.action,
    })
    held.settled = true
    r.stats[this.action] = (r.stats[this.action] ?? 0) + 1
    await checkStep(m, r, `${this.action}(${held.domain} #${held.id})`)
  }
  toString() {
    return `${this.action}(open held #${this.pick})`
  }
}

/** Governance resets a domain after review: lifts its isolation and reopens every lane to and from it. */
class ResetCommand implements Command {
  constructor(readonly domain: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const own = r.network.chain(this.domain).walletClient
    const channel = r.network.domain(this.domain).channel
    const hash = await writeContract(own, {
      address: channel,
      abi: channelAbi,
      functionName: 'liftIsolation',
    } as never)
    await waitForTransactionReceipt(own, { hash, pollingInterval: 20 })
    for (const peer of DOMAINS) {
      if (peer === this.domain) continue
      await setLanePaused(own, { channel, peer, paused: false })
      await setLanePaused(r.network.chain(peer).walletClient, {
        channel: r.network.domain(peer).channel,
        peer: this.domain,
        paused: false,
      })
      m.paused[this.domain]![peer] = false
      m.paused[peer]![this.domain] = false
    }
    m.isolated[this.domain] = false
    await checkStep(m, r, String(this))
  }
  toString() {
    return `reset(${this.domain})`
  }
}

/** Time passes on every chain (rolling windows and token buckets refill). */
class TimeCommand implements Command {
  constructor(readonly seconds: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    for (const name of DOMAINS) {
      const test = r.network.chain(name).testClient
      await test.increaseTime({ seconds: this.seconds })
      await mine(test, { blocks: 1 })
    }
    await checkStep(m, r, String(this))
  }
  toString() {
    return `wait(${this.seconds} s)`
  }
}

/** An attacker resubmits an already delivered message in a freshly attested batch: it must revert. */
class ReplayCommand implements Command {
  constructor(readonly pick: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    const delivered = r.last.deliveries
    if (delivered.length === 0)
      return checkStep(m, r, `${this} (nothing delivered yet)`).then(() => undefined)
    const target = delivered[this.pick % delivered.length]!
    const original = r.last.sent.find((s) => keyOf(s) === keyOf(target))!
    const chain = r.network.chain(target.destination)
    const sourceId = domainIdOf(target.source)
    const messages = [
      {
        sourceDomain: sourceId,
        destinationDomain: domainIdOf(target.destination),
        nonce: target.nonce,
        sender: chain.accounts[ACCOUNTS.users[0]]!.address,
        recipient: chain.accounts[ACCOUNTS.relayer]!.address,
        amount: original.amount,
      },
    ]
    const batchNonce = 1_000_000n + BigInt(r.report.steps)
    const { proof } = await createAttestationProof({
      domainId: sourceId,
      batchNonce,
      messages,
      signers: validatorsOf(target.source),
    })
    const hash = await writeContract(chain.walletClient, {
      address: r.network.domain(target.destination).channel,
      abi: channelAbi,
      functionName: 'receiveBatch',
      args: [messages, batchNonce, proof],
      gas: 500_000n,
    } as never)
    const receipt = await waitForTransactionReceipt(chain.walletClient, { hash, pollingInterval: 20 })
    if (receipt.status === 'success')
      throw new InvariantError(`${this}: replay of ${keyOf(target)} was accepted`)
    r.stats.replaysRefused = (r.stats.replaysRefused ?? 0) + 1
    await checkStep(m, r, `${this} of ${keyOf(target)}`)
  }
  toString() {
    return `replay(delivered #${this.pick})`
  }
}

const domain = fc.constantFrom(...DOMAINS)
const lane = fc
  .tuple(domain, fc.integer({ min: 1, max: DOMAINS.length - 1 }))
  .map(([source, shift]) => [source, DOMAINS[(DOMAINS.indexOf(source) + shift) % DOMAINS.length]!] as const)
const user = fc.constantFrom(...ACCOUNTS.users)
/** Mostly ordinary amounts (the window and bucket still fill up), sometimes above the single-transfer limit. */
const tokens = fc.oneof(
  { weight: 12, arbitrary: fc.bigInt({ min: 1n, max: 450n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 1_001n, max: 1_600n }) },
)

/** The command arbitraries of the conservation model, weighted towards traffic and deliveries. */
export const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .tuple(lane, user, user, tokens)
      .map(([[s, d], u, to, t]) => new SendCommand(s, d, u, to, t) as Command),
  },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => new RelayCommand(n) as Command) },
  { weight: 1, arbitrary: domain.map((d) => new IsolateCommand(d) as Command) },
  { weight: 1, arbitrary: lane.map(([c, p]) => new PauseLaneCommand(c, p) as Command) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.nat(), fc.constantFrom('release' as const, 'refund' as const))
      .map(([i, a]) => new SettleCommand(i, a) as Command),
  },
  { weight: 4, arbitrary: domain.map((d) => new ResetCommand(d) as Command) },
  { weight: 2, arbitrary: fc.constantFrom(60, 900, 3_600).map((s) => new TimeCommand(s) as Command) },
  { weight: 1, arbitrary: fc.nat().map((i) => new ReplayCommand(i) as Command) },
)
