import { attestationVerifierAbi, channelAbi, eraTokenAbi, eraTokenBytecode } from '@caldera/contracts'
import { domainIdOf, parseEra } from '@caldera/core'
import { type Devnet, type DevnetChain, startDevnet } from '@caldera/devnet'
import {
  type Address,
  concatHex,
  encodeAbiParameters,
  type Hex,
  keccak256,
  parseEventLogs,
  stringToHex,
} from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deployDomain } from './deployDomain.js'

// Two chains, one lite-deployed domain on each; a transfer is sent on alpha's Channel, attested
// by beta's copy of alpha's validator set and delivered by beta's Channel.
let devnet: Devnet
beforeAll(async () => {
  devnet = await startDevnet({ chains: [{ name: 'alpha' }, { name: 'beta' }] })
})
afterAll(async () => {
  await devnet?.stop()
})

const messageType = {
  type: 'tuple[]',
  components: [
    { name: 'sourceDomain', type: 'bytes32' },
    { name: 'destinationDomain', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'sender', type: 'address' },
    { name: 'recipient', type: 'address' },
    { name: 'amount', type: 'uint256' },
  ],
} as const
const attestationTag = keccak256(
  stringToHex('CalderaBatchAttestation(bytes32 domainId,uint256 batchNonce,bytes32 batchRoot)'),
)

async function deployToken(chain: DevnetChain): Promise<Address> {
  const hash = await chain.walletClient.deployContract({
    abi: eraTokenAbi,
    bytecode: eraTokenBytecode,
    args: [chain.accounts[0]!.address, parseEra('1000000')],
  })
  return (await chain.publicClient.waitForTransactionReceipt({ hash })).contractAddress as Address
}

async function send(
  chain: DevnetChain,
  request: { address: Address; abi: readonly unknown[]; functionName: string; args: readonly unknown[] },
) {
  const hash = await chain.walletClient.writeContract(request as never)
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash })
  expect(receipt.status).toBe('success')
  return receipt
}

describe('a lite-deployed domain works', () => {
  it('moves a transfer across the channels of two lite-deployed domains', async () => {
    const alpha = devnet.chain('alpha')
    const beta = devnet.chain('beta')
    const [tokenA, tokenB] = await Promise.all([deployToken(alpha), deployToken(beta)])
    const deploy = (chain: DevnetChain, name: string, token: Address) =>
      deployDomain(chain.walletClient, {
        config: {
          domain: { name, tier: 'light', chainId: chain.chainId },
          admin: chain.accounts[0]!.address,
          params: { Channel: { token }, StakingRegistry: { token } },
        },
      })
    const [a, b] = await Promise.all([deploy(alpha, 'alpha', tokenA), deploy(beta, 'beta', tokenB)])
    expect(a.status).toBe('deployed')
    expect(b.status).toBe('deployed')
    const alphaId = domainIdOf('alpha')
    const betaId = domainIdOf('beta')
    const laneLimits = {
      maxTransfer: parseEra('1000'),
      windowLimit: parseEra('10000'),
      windowSeconds: 3600n,
      bucketCapacity: parseEra('5000'),
      refillPerSecond: parseEra('1'),
    }
    const validators = beta.accounts.slice(5, 8)
    await send(beta, {
      address: b.addresses.contracts.AttestationVerifier!,
      abi: attestationVerifierAbi,
      functionName: 'setValidatorSet',
      args: [alphaId, validators.map((v) => v.address), 2n],
    })
    await send(beta, {
      address: b.addresses.contracts.Channel!,
      abi: channelAbi,
      functionName: 'configureLane',
      args: [alphaId, { verifier: b.addresses.contracts.AttestationVerifier!, ...laneLimits }],
    })
    await send(beta, {
      address: tokenB,
      abi: eraTokenAbi,
      functionName: 'transfer',
      args: [b.addresses.contracts.Channel!, parseEra('10000')],
    })
    await send(alpha, {
      address: a.addresses.contracts.Channel!,
      abi: channelAbi,
      functionName: 'configureLane',
      args: [betaId, { verifier: a.addresses.contracts.AttestationVerifier!, ...laneLimits }],
    })

    // The user sends 250 ERA from alpha to a recipient on beta.
    const recipient = beta.accounts[9]!.address
    await send(alpha, {
      address: tokenA,
      abi: eraTokenAbi,
      functionName: 'approve',
      args: [a.addresses.contracts.Channel!, parseEra('250')],
    })
    const sent = await send(alpha, {
      address: a.addresses.contracts.Channel!,
      abi: channelAbi,
      functionName: 'send',
      args: [betaId, recipient, parseEra('250')],
    })
    const [event] = parseEventLogs({ abi: channelAbi, eventName: 'MessageSent', logs: sent.logs })
    expect(event).toBeDefined()
    const messages = [
      {
        sourceDomain: alphaId,
        destinationDomain: betaId,
        nonce: event!.args.nonce,
        sender: event!.args.sender,
        recipient: event!.args.recipient,
        amount: event!.args.amount,
      },
    ]

    // Two of alpha's three validators attest the batch (signers ascending, 65 bytes each).
    const batchNonce = 1n
    const root = keccak256(encodeAbiParameters([messageType], [messages]))
    const digest = keccak256(
      encodeAbiParameters(
        [{ type: 'bytes32' }, { type: 'bytes32' }, { type: 'uint256' }, { type: 'bytes32' }],
        [attestationTag, alphaId, batchNonce, root],
      ),
    )
    const signers = [...validators]
      .sort((x, y) => (BigInt(x.address) < BigInt(y.address) ? -1 : 1))
      .slice(0, 2)
    const proof = concatHex(
      await Promise.all(signers.map((s) => s.signMessage({ message: { raw: digest } }))),
    ) as Hex

    const before = await beta.publicClient.readContract({
      address: tokenB,
      abi: eraTokenAbi,
      functionName: 'balanceOf',
      args: [recipient],
    })
    await send(beta, {
      address: b.addresses.contracts.Channel!,
      abi: channelAbi,
      functionName: 'receiveBatch',
      args: [messages, batchNonce, proof],
    })
    const after = await beta.publicClient.readContract({
      address: tokenB,
      abi: eraTokenAbi,
      functionName: 'balanceOf',
      args: [recipient],
    })
    expect(after - before).toBe(parseEra('250'))
    expect(
      await beta.publicClient.readContract({
        address: b.addresses.contracts.Channel!,
        abi: channelAbi,
        functionName: 'executed',
        args: [alphaId, event!.args.nonce],
      }),
    ).toBe(true)
    expect(
      await alpha.publicClient.readContract({
        address: a.addresses.contracts.Channel!,
        abi: channelAbi,
        functionName: 'totalLocked',
      }),
    ).toBe(parseEra('250'))
  })
})
