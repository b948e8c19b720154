import type { DevnetChain } from '@caldera/devnet'
import { ScenarioError } from '../errors/sandbox.js'
import { nowMs } from '../load/clock.js'
import type { FaultRecord } from '../report/types.js'
import { rpcCall } from '../rpc/jsonRpc.js'
import type { FaultSpec } from './spec.js'

/** A chain-level fault injector: what a fault needs of a domain's chain. */
export type FaultTarget = { name: string; rpcUrl: string; devnet?: DevnetChain }

function needDevnet(target: FaultTarget, kind: string): DevnetChain {
  if (!target.devnet)
    throw new ScenarioError(`The ${kind} fault needs a chain the sandbox started.`, {
      details: `Domain "${target.name}" runs on ${target.rpcUrl}, which the sandbox cannot ${kind === 'rpc-outage' ? 'suspend' : 'control'}.`,
      hint: 'Drop the fault for this domain, or let the devnet start its chain (omit `rpcUrl`).',
    })
  return target.devnet
}

/**
 * Injects a chain-level fault: an RPC outage (the chain's process is frozen and resumed; its state
 * is kept; only for chains the sandbox started), a reorg (`anvil_reorg`) or a base-fee spike
 * (`anvil_setNextBlockBaseFeePerGas`; both need a chain that answers anvil's test methods).
 * Resolves with the record for the report once the fault is over.
 */
export async function injectChainFault({
  fault,
  target,
  runStart,
}: {
  fault: Extract<FaultSpec, { kind: 'rpc-outage' | 'reorg' | 'base-fee-spike' }>
  target: FaultTarget
  runStart: number
}): Promise<FaultRecord> {
  const t = (nowMs() - runStart) / 1000
  if (fault.kind === 'rpc-outage') {
    const chain = needDevnet(target, fault.kind)
    const start = nowMs()
    await chain.suspend()
    await new Promise((r) => setTimeout(r, fault.seconds * 1000))
    chain.resume()
    return {
      t,
      kind: fault.kind,
      domain: target.name,
      detail: `RPC frozen for ${fault.seconds} s, then resumed`,
      durationMs: Math.round(nowMs() - start),
    }
  }
  if (fault.kind === 'reorg') {
    await rpcCall({ url: target.rpcUrl, method: 'anvil_reorg', params: [fault.depth, []] })
    return { t, kind: fault.kind, domain: target.name, detail: `reorg of depth ${fault.depth}` }
  }
  const wei = BigInt(Math.round(fault.gwei * 1e9))
  await rpcCall({
    url: target.rpcUrl,
    method: 'anvil_setNextBlockBaseFeePerGas',
    params: [`0x${wei.toString(16)}`],
  })
  return {
    t,
    kind: fault.kind,
    domain: target.name,
    detail: `next block's base fee set to ${fault.gwei} gwei`,
  }
}
