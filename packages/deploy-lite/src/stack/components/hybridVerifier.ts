import { hybridVerifierAbi, hybridVerifierBytecode, hybridVerifierDeployedBytecode } from '@caldera/contracts'
import { amountSchema, tierPresets, USD_DECIMALS } from '@caldera/core'
import { encodeFunctionData, zeroAddress } from 'viem'
import { z } from 'zod'
import { defineComponent } from '../component.js'

const enterprise = tierPresets.enterprise

/** Parameters of the `HybridVerifier` component (it verifies batches from enterprise-tier peers). */
export const hybridVerifierParamsSchema = z
  .object({
    /** Seconds a submitted batch waits for challenges (default: the enterprise preset, 1,800). */
    challengeWindowSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 3600)
      .default(enterprise.challengeWindowSeconds),
    /**
     * Batch total, in token base units, above which a ZK proof is needed. Default: the
     * enterprise preset's USD limit (100,000) in a USD-pegged token of `tokenDecimals` decimals.
     */
    zkProofAbove: amountSchema.optional(),
    /** Decimals of the channel token, for the default `zkProofAbove` (default 18). */
    tokenDecimals: z.number().int().min(0).max(36).default(18),
  })
  .default({ challengeWindowSeconds: enterprise.challengeWindowSeconds, tokenDecimals: 18 })

/** Verifies batches from enterprise-tier peers: attestation quorum, challenge window, ZK proof above a value. */
export const hybridVerifierComponent = defineComponent({
  name: 'HybridVerifier',
  kind: 'perDomain',
  abi: hybridVerifierAbi,
  bytecode: hybridVerifierBytecode,
  deployedBytecode: hybridVerifierDeployedBytecode,
  params: hybridVerifierParamsSchema,
  initialize: ({ admin, params, has, addressOf }) => {
    const p = hybridVerifierParamsSchema.parse(params)
    const usd = enterprise.zkProofAboveUsd ?? 0n
    const zkAbove =
      p.zkProofAbove ??
      (p.tokenDecimals >= USD_DECIMALS
        ? usd * 10n ** BigInt(p.tokenDecimals - USD_DECIMALS)
        : usd / 10n ** BigInt(USD_DECIMALS - p.tokenDecimals))
    // Without a ZkBatchVerifier in the stack, batches above the limit never verify (fail closed).
    const zk = has('ZkBatchVerifier') ? addressOf('ZkBatchVerifier') : zeroAddress
    return encodeFunctionData({
      abi: hybridVerifierAbi,
      functionName: 'initialize',
      args: [admin, BigInt(p.challengeWindowSeconds), zkAbove, zk],
    })
  },
})
