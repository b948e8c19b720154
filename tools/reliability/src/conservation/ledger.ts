import { channelAbi, eraTokenAbi } from '@caldera/contracts'
import { domainIdOf } from '@caldera/core'
import type { Hex } from 'viem'
import { getContractEvents, readContract } from 'viem/actions'
import { type CampaignNetwork, DOMAINS } from './network.js'

/** A message as its source channel emitted it (`MessageSent`). */
export type SentMessage = { source: string; destination: string; nonce: bigint; amount: bigint }
/** A delivery as the destination channel emitted it (`MessageDelivered`). */
export type Delivery = { source: string; destination: string; nonce: bigint; amount: bigint }

/** One channel's state: its counters, token balance and the events behind them. */
export type ChannelLedger = {
  /** Channel counters (`totalLocked`, `totalReleased`, `totalHeld`, `totalRefunded`). */
  locked: bigint
  released: bigint
  held: bigint
  refunded: bigint
  /** The channel's token balance now, and right after deployment. */
  balance: bigint
  liquidity: bigint
  isolated: boolean
  /** Per peer: whether this channel's lane to and from it is paused (its own pause or the domain's isolation). */
  paused: Record<string, boolean>
  /** Sum of `TransferHeld` amounts, and of those later released / refunded (by id, from events). */
  heldByEvents: bigint
  heldReleasedByEvents: bigint
  heldRefundedByEvents: bigint
}

/** Every channel's state and every message and delivery, read from the chains at one moment. */
export type Ledger = {
  channels: Record<string, ChannelLedger>
  sent: SentMessage[]
  deliveries: Delivery[]
  /** `executed(source, nonce)` on the destination, by message key. */
  executed: Record<string, boolean>
}

/** The key of a message: `source>destination#nonce`. */
export const keyOf = (m: { source: string; destination: string; nonce: bigint }) =>
  `${m.source}>${m.destination}#${m.nonce}`

/**
 * Reads the ledger of a campaign network from chain state and events (from the deployment on):
 * counters, balances, pause flags, `MessageSent` / `MessageDelivered` / held-transfer events and
 * the `executed` flag of every sent message on its destination. Each chain is read at one block;
 * the chains are read one after the other, so read while no relayer is delivering (a delivery
 * between two chains' reads would look like a message delivered before it was sent).
 */
export async function readLedger(network: CampaignNetwork): Promise<Ledger> {
  const nameOf = new Map<Hex, string>(DOMAINS.map((n) => [domainIdOf(n), n]))
  const sent: SentMessage[] = []
  const deliveries: Delivery[] = []
  const channels: Record<string, ChannelLedger> = {}
  // Every read of a chain at one block, so counters, events and flags agree with each other.
  const blocks: Record<string, bigint> = Object.fromEntries(
    await Promise.all(
      DOMAINS.map(async (name) => [
        name,
        await network.chain(name).publicClient.getBlockNumber({ cacheTime: 0 }),
      ]),
    ),
  )
  await Promise.all(
    DOMAINS.map(async (name) => {
      const client = network.chain(name).publicClient
      const d = network.domain(name)
      const blockNumber = blocks[name]!
      const read = (functionName: string, args?: readonly unknown[]) =>
        readContract(client, {
          address: d.channel,
          abi: channelAbi,
          functionName,
          args,
          blockNumber,
        } as never)
      const [locked, released, held, refunded, isolated, balance, logs, ...lanes] = await Promise.all([
        read('totalLocked') as Promise<bigint>,
        read('totalReleased') as Promise<bigint>,
        read('totalHeld') as Promise<bigint>,
        read('totalRefunded') as Promise<bigint>,
        read('isolated') as Promise<boolean>,
        readContract(client, {
          address: d.token,
          abi: eraTokenAbi,
          functionName: 'balanceOf',
          args: [d.channel],
        }) as Promise<bigint>,
        getContractEvents(client, {
          address: d.channel,
          abi: channelAbi,
          fromBlock: network.baseBlock[name],
        }),
        ...DOMAINS.filter((p) => p !== name).map(
          (p) => read('lane', [domainIdOf(p)]) as Promise<readonly [boolean, boolean, bigint, unknown]>,
        ),
      ])
      const paused: Record<string, boolean> = {}
      DOMAINS.filter((p) => p !== name).forEach((p, i) => {
        paused[p] = lanes[i]![1]
      })
      const heldAmounts = new Map<bigint, bigint>()
      let heldByEvents = 0n
      let heldReleasedByEvents = 0n
      let heldRefundedByEvents = 0n
      for (const log of logs as { eventName: string; args: Record<string, unknown> }[]) {
        const a = log.args
        if (log.eventName === 'MessageSent')
          sent.push({
            source: name,
            destination: nameOf.get(a.destinationDomain as Hex) ?? String(a.destinationDomain),
            nonce: a.nonce as bigint,
            amount: a.amount as bigint,
          })
        else if (log.eventName === 'MessageDelivered')
          deliveries.push({
            source: nameOf.get(a.sourceDomain as Hex) ?? String(a.sourceDomain),
            destination: name,
            nonce: a.nonce as bigint,
            amount: a.amount as bigint,
          })
        else if (log.eventName === 'TransferHeld') {
          heldAmounts.set(a.heldId as bigint, a.amount as bigint)
          heldByEvents += a.amount as bigint
        } else if (log.eventName === 'HeldReleased')
          heldReleasedByEvents += heldAmounts.get(a.heldId as bigint) ?? 0n
        else if (log.eventName === 'HeldRefunded') heldRefundedByEvents += a.amount as bigint
      }
      channels[name] = {
        locked,
        released,
        held,
        refunded,
        balance,
        liquidity: network.liquidity[name]!,
        isolated,
        paused,
        heldByEvents,
        heldReleasedByEvents,
        heldRefundedByEvents,
      }
    }),
  )
  const executed: Record<string, boolean> = {}
  await Promise.all(
    sent.map(async (m) => {
      const d = network.domain(m.destination)
      executed[keyOf(m)] = (await readContract(network.chain(m.destination).publicClient, {
        address: d.channel,
        abi: channelAbi,
        functionName: 'executed',
        args: [domainIdOf(m.source), m.nonce],
        blockNumber: blocks[m.destination],
      })) as boolean
    }),
  )
  return { channels, sent, deliveries, executed }
}

/** Reads the ledger, retrying a read that fails (an RPC timeout when the machine is loaded). */
export async function readLedgerPatiently(network: CampaignNetwork): Promise<Ledger> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readLedger(network)
    } catch (error) {
      if (attempt >= 4) throw error
      await new Promise((r) => setTimeout(r, 500 * attempt))
    }
  }
}

/** What the conservation check found. */
export type ConservationResult = {
  /** Σ over sources of |locked − (delivered + held + refunded + in flight)|, in base units. */
  valueLost: bigint
  /** Deliveries beyond the first of the same message. */
  duplicates: number
  /** Value in flight (sent, not yet executed on the destination), per source. */
  inFlight: Record<string, bigint>
  /** Every broken rule, in words (empty when the ledger is consistent). */
  problems: string[]
}

/**
 * Checks a ledger: for every source, value locked = value delivered on the destinations + held
 * + refunded + in flight (sent, not executed on its destination); every message executed at most
 * once and for the amount it was sent with; every channel's counters agree with its events and
 * its token balance (liquidity + locked − released − refunded). Pure: it judges the numbers it
 * is given, so it can be shown to fail on an inconsistent ledger.
 */
export function checkConservation(ledger: Ledger): ConservationResult {
  const problems: string[] = []
  const sentByKey = new Map(ledger.sent.map((m) => [keyOf(m), m]))
  const deliveredCount = new Map<string, number>()
  const deliveredFrom: Record<string, bigint> = {}
  const releasedOn: Record<string, bigint> = {}
  let duplicates = 0
  for (const dlv of ledger.deliveries) {
    const key = keyOf(dlv)
    const count = (deliveredCount.get(key) ?? 0) + 1
    deliveredCount.set(key, count)
    releasedOn[dlv.destination] = (releasedOn[dlv.destination] ?? 0n) + dlv.amount
    if (count > 1) {
      duplicates++
      problems.push(`message ${key} delivered ${count} times`)
    }
    const origin = sentByKey.get(key)
    if (!origin) problems.push(`message ${key} delivered but never sent`)
    else if (origin.amount !== dlv.amount)
      problems.push(`message ${key} sent with ${origin.amount} but delivered with ${dlv.amount}`)
    deliveredFrom[dlv.source] = (deliveredFrom[dlv.source] ?? 0n) + dlv.amount
  }
  const inFlight: Record<string, bigint> = {}
  const sentFrom: Record<string, bigint> = {}
  for (const m of ledger.sent) {
    const key = keyOf(m)
    sentFrom[m.source] = (sentFrom[m.source] ?? 0n) + m.amount
    const executed = ledger.executed[key] === true
    const delivered = deliveredCount.has(key)
    if (executed !== delivered)
      problems.push(`message ${key}: executed flag ${executed} but ${delivered ? 'a' : 'no'} delivery event`)
    if (!executed) inFlight[m.source] = (inFlight[m.source] ?? 0n) + m.amount
  }
  let valueLost = 0n
  for (const [name, c] of Object.entries(ledger.channels)) {
    const accounted = (deliveredFrom[name] ?? 0n) + c.held + c.refunded + (inFlight[name] ?? 0n)
    const gap = c.locked - accounted
    if (gap !== 0n) {
      valueLost += gap < 0n ? -gap : gap
      problems.push(
        `${name}: locked ${c.locked} ≠ delivered ${deliveredFrom[name] ?? 0n} + held ${c.held} + refunded ${c.refunded} + in flight ${inFlight[name] ?? 0n}`,
      )
    }
    if (c.locked !== (sentFrom[name] ?? 0n) + c.held + c.refunded)
      problems.push(
        `${name}: locked ${c.locked} ≠ sent ${sentFrom[name] ?? 0n} + held ${c.held} + refunded ${c.refunded}`,
      )
    if (c.released !== (releasedOn[name] ?? 0n))
      problems.push(`${name}: totalReleased ${c.released} ≠ delivery events ${releasedOn[name] ?? 0n}`)
    if (c.held !== c.heldByEvents - c.heldReleasedByEvents - c.heldRefundedByEvents)
      problems.push(
        `${name}: totalHeld ${c.held} ≠ held ${c.heldByEvents} − released ${c.heldReleasedByEvents} − refunded ${c.heldRefundedByEvents} by events`,
      )
    if (c.refunded !== c.heldRefundedByEvents)
      problems.push(`${name}: totalRefunded ${c.refunded} ≠ refund events ${c.heldRefundedByEvents}`)
    const expectedBalance = c.liquidity + c.locked - c.released - c.refunded
    if (c.balance !== expectedBalance)
      problems.push(
        `${name}: token balance ${c.balance} ≠ liquidity + locked − released − refunded ${expectedBalance}`,
      )
  }
  return { valueLost, duplicates, inFlight, problems }
}
