import { type Devnet, startDevnet } from '@caldera/devnet'
import fc from 'fast-check'
import { bytesToHex, parseGwei } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blobPostingCost, calldataGas, calldataPostingCost, effectiveBlobBaseFee } from './costModel.js'

describe('calldataGas', () => {
  it('charges the EIP-7623 floor when there is little execution', () => {
    // 2 zero bytes + 3 non-zero bytes = 14 tokens.
    expect(calldataGas({ data: '0x0000010203' })).toEqual({
      tokens: 14n,
      standardGas: 21_056n,
      floorGas: 21_140n,
      gas: 21_140n,
    })
    // Enough execution gas: the standard cost wins.
    expect(calldataGas({ data: '0x0000010203', executionGas: 100_000n }).gas).toBe(121_056n)
  })

  it('is never below the floor nor the standard cost', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 500 }),
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        (bytes, executionGas) => {
          const g = calldataGas({ data: bytes, executionGas })
          expect(g.gas >= g.floorGas && g.gas >= g.standardGas).toBe(true)
          expect(g.gas === g.floorGas || g.gas === g.standardGas).toBe(true)
        },
      ),
    )
  })
})

describe('blob cost', () => {
  const prices = { baseFee: parseGwei('16'), priorityFee: 0n, blobBaseFee: 1n }
  it('applies the EIP-7918 reserve price when the blob market fee is below it', () => {
    expect(effectiveBlobBaseFee(prices)).toBe(parseGwei('1')) // 16 gwei × 2^13 / 2^17
    expect(effectiveBlobBaseFee({ ...prices, blobBaseFee: parseGwei('3') })).toBe(parseGwei('3'))
  })
  it('charges whole blobs plus the carrier transaction', () => {
    const one = blobPostingCost({ size: 1, prices })
    const two = blobPostingCost({ size: 126_977, prices })
    expect(one.blobs).toBe(1)
    expect(two.blobs).toBe(2)
    expect(one.costWei).toBe(21_000n * parseGwei('16') + 131_072n * parseGwei('1'))
    expect(two.blobFeeWei).toBe(2n * one.blobFeeWei)
  })
})

describe('calldata model on a chain', () => {
  let devnet: Devnet
  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'da' }] })
  })
  afterAll(async () => {
    await devnet?.stop()
  })

  it('predicts exactly the gas a chain charges for posting bytes to an inbox address', async () => {
    const chain = devnet.chain('da')
    const inboxEoa = '0x00000000000000000000000000000000000b0b0b'
    const samples = [
      new Uint8Array(1000),
      new Uint8Array(1000).map((_, i) => (i * 7 + 1) % 256),
      new Uint8Array(5000).map((_, i) => (i % 3 === 0 ? 0 : i % 251)),
    ]
    for (const bytes of samples) {
      const data = bytesToHex(bytes)
      const hash = await chain.walletClient.sendTransaction({ to: inboxEoa, data })
      const receipt = await chain.publicClient.waitForTransactionReceipt({ hash })
      expect(receipt.gasUsed).toBe(calldataGas({ data }).gas)
      const cost = calldataPostingCost({
        data,
        prices: { baseFee: receipt.effectiveGasPrice, priorityFee: 0n, blobBaseFee: 1n },
      })
      expect(cost.costWei).toBe(receipt.gasUsed * receipt.effectiveGasPrice)
    }
  })
})
