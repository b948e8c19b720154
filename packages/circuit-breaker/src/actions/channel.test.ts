import { attestationVerifierAbi, channelAbi, eraTokenAbi } from '@caldera/contracts'
import { domainIdOf, parseEra } from '@caldera/core'
import { type Devnet, startDevnet } from '@caldera/devnet'
import { createAttestationProof } from '@caldera/risk-domain'
import { maxUint256, parseEventLogs } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAndWait } from '../internal/client.js'
import { resolvePolicy } from '../policy/policy.js'
import { type ChannelNetworkDomain, deployChannelNetwork, devValidators } from './deployChannelNetwork.js'
import { getChannelState } from './getChannelState.js'
import { isolateDomain } from './isolateDomain.js'
import { sendTransfer } from './sendTransfer.js'
import { setLanePaused } from './setLanePaused.js'
import { settleHeld } from './settleHeld.js'

// The channel's ABI plus the verifier's errors, so a rejected proof is decoded by name.
const receiveAbi = [...channelAbi, ...attestationVerifierAbi.filter((item) => item.type === 'error')]

describe('Channel guard and delivery', () => {
  let devnet: Devnet
  let fin: ChannelNetworkDomain
  let light: ChannelNetworkDomain
  const policy = resolvePolicy({ tiers: { light: { tokenBucket: { capacityUsd: 200_000 } } } })
  beforeAll(async () => {
    devnet = await startDevnet({
      chains: [
        { name: 'financial', accounts: 3 },
        { name: 'light', accounts: 3 },
      ],
    })
    const { domains } = await deployChannelNetwork({
      policy,
      domains: (['financial', 'light'] as const).map((t) => ({
        name: t,
        tier: t,
        walletClient: devnet.chain(t).walletClient,
      })),
    })
    ;[fin, light] = domains as [ChannelNetworkDomain, ChannelNetworkDomain]
    for (const d of domains) {
      const chain = devnet.chain(d.name)
      const user = chain.accounts[1]!
      await writeAndWait(chain.walletClient, {
        address: d.token,
        abi: eraTokenAbi,
        functionName: 'mint',
        args: [user.address, parseEra('5000000')],
      })
      await writeAndWait({ ...chain.walletClient, account: user } as typeof chain.walletClient, {
        address: d.token,
        abi: eraTokenAbi,
        functionName: 'approve',
        args: [d.channel, maxUint256],
      })
    }
  })
  afterAll(() => devnet?.stop())

  const user = (name: string) => {
    const chain = devnet.chain(name)
    return { ...chain.walletClient, account: chain.accounts[1]! } as typeof chain.walletClient
  }

  it('holds a transfer over the rate limit (token bucket) in escrow and trips the lane', async () => {
    const wallet = user('light')
    const recipient = wallet.account.address
    expect(
      (
        await sendTransfer(wallet, {
          channel: light.channel,
          toDomain: 'financial',
          recipient,
          amount: parseEra('150000'),
        })
      ).held,
    ).toBe(false)
    const held = await sendTransfer(wallet, {
      channel: light.channel,
      toDomain: 'financial',
      recipient,
      amount: parseEra('100000'),
    })
    expect(held.held).toBe(true)
    const [log] = parseEventLogs({ abi: channelAbi, logs: held.receipt.logs, eventName: 'TransferHeld' })
    expect(log!.args.reason).toBe(3)
    const state = await getChannelState(devnet.chain('light').publicClient, {
      channel: light.channel,
      peers: ['financial'],
    })
    expect(state).toMatchObject({ isolated: true, lanes: { financial: { paused: true, outNonce: 1n } } })
    expect(state.totals).toEqual({
      locked: parseEra('250000'),
      released: 0n,
      held: parseEra('100000'),
      refunded: 0n,
    })
  })

  it('holds a transfer over the rolling window, releases it after review and delivers exactly once', async () => {
    const wallet = user('financial')
    const recipient = devnet.chain('light').accounts[2]!.address
    await sendTransfer(wallet, {
      channel: fin.channel,
      toDomain: 'light',
      recipient,
      amount: parseEra('600000'),
    })
    const held = await sendTransfer(wallet, {
      channel: fin.channel,
      toDomain: 'light',
      recipient,
      amount: parseEra('500000'),
    })
    expect(held.held).toBe(true)
    expect(
      parseEventLogs({ abi: channelAbi, logs: held.receipt.logs, eventName: 'TransferHeld' })[0]!.args.reason,
    ).toBe(2)
    const fw = devnet.chain('financial').walletClient
    await expect(
      settleHeld(user('financial'), { channel: fin.channel, heldId: 1n, action: 'release' }),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/)
    await settleHeld(fw, { channel: fin.channel, heldId: 1n, action: 'release' })
    const sent = await devnet.chain('financial').publicClient.getContractEvents({
      address: fin.channel,
      abi: channelAbi,
      eventName: 'MessageSent',
      fromBlock: 0n,
    })
    expect(sent.map((l) => [l.args.nonce, l.args.amount])).toEqual([
      [1n, parseEra('600000')],
      [2n, parseEra('500000')],
    ])
    const messages = sent.map((l) => ({
      sourceDomain: domainIdOf('financial'),
      destinationDomain: domainIdOf('light'),
      nonce: l.args.nonce!,
      sender: l.args.sender!,
      recipient: l.args.recipient!,
      amount: l.args.amount!,
    }))
    const lw = devnet.chain('light').walletClient
    // light isolated itself in the first test: lift it, then deliver.
    await writeAndWait(lw, {
      address: light.channel,
      abi: channelAbi,
      functionName: 'liftIsolation',
      args: [],
    })
    await setLanePaused(lw, { channel: light.channel, peer: 'financial', paused: false })
    const forged = await createAttestationProof({
      domainId: domainIdOf('financial'),
      batchNonce: 1n,
      messages,
      signers: devValidators('light', 4),
    })
    await expect(
      writeAndWait(lw, {
        address: light.channel,
        abi: receiveAbi,
        functionName: 'receiveBatch',
        args: [messages, 1n, forged.proof],
      }),
    ).rejects.toThrow(/NotAValidator/)
    const tooFew = await createAttestationProof({
      domainId: domainIdOf('financial'),
      batchNonce: 1n,
      messages,
      signers: fin.validators.slice(0, 2),
    })
    await expect(
      writeAndWait(lw, {
        address: light.channel,
        abi: receiveAbi,
        functionName: 'receiveBatch',
        args: [messages, 1n, tooFew.proof],
      }),
    ).rejects.toThrow(/QuorumNotReached/)
    const { proof } = await createAttestationProof({
      domainId: domainIdOf('financial'),
      batchNonce: 1n,
      messages,
      signers: fin.validators,
    })
    await writeAndWait(lw, {
      address: light.channel,
      abi: receiveAbi,
      functionName: 'receiveBatch',
      args: [messages, 1n, proof],
    })
    const balance = await devnet.chain('light').publicClient.readContract({
      address: light.token,
      abi: eraTokenAbi,
      functionName: 'balanceOf',
      args: [recipient],
    })
    expect(balance).toBe(parseEra('1100000'))
    await expect(
      writeAndWait(lw, {
        address: light.channel,
        abi: receiveAbi,
        functionName: 'receiveBatch',
        args: [messages, 1n, proof],
      }),
    ).rejects.toThrow(/AlreadyExecuted/)
    const again = await createAttestationProof({
      domainId: domainIdOf('financial'),
      batchNonce: 2n,
      messages: messages.slice(1),
      signers: fin.validators,
    })
    await expect(
      writeAndWait(lw, {
        address: light.channel,
        abi: receiveAbi,
        functionName: 'receiveBatch',
        args: [messages.slice(1), 2n, again.proof],
      }),
    ).rejects.toThrow(/AlreadyExecuted/)
  })

  it('lets only the breaker role isolate and only governance reopen', async () => {
    await expect(
      isolateDomain(user('light'), { channel: light.channel, domain: 'financial' }),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/)
    const lw = devnet.chain('light').walletClient
    await isolateDomain(lw, { channel: light.channel, domain: 'financial' })
    await expect(
      setLanePaused(user('light'), { channel: light.channel, peer: 'financial', paused: false }),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/)
    await expect(
      sendTransfer(user('light'), {
        channel: light.channel,
        toDomain: 'financial',
        recipient: lw.account.address,
        amount: 1n,
      }),
    ).rejects.toThrow(/LaneIsPaused/)
  })
})
