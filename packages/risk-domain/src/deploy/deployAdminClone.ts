import { addressSchema, parse } from '@caldera/core'
import type { Abi, Address, Hex } from 'viem'
import { z } from 'zod'
import type { WriteClient } from '../internal/client.js'
import { deployInitializedClone } from './deployInitializedClone.js'

const schema = z.object({ admin: addressSchema.optional(), implementation: addressSchema.optional() })

/** Options of a verifier whose only initialiser argument is its admin. */
export type DeployAdminCloneParameters = {
  /** Receives the admin and validator-set roles (default: the client's account). */
  admin?: Address
  /** An already deployed implementation to clone. */
  implementation?: Address
}

/** Validates `parameters` and deploys a clone of `bytecode` initialised with `initialize(admin)`. */
export async function deployAdminClone(
  client: WriteClient,
  parameters: DeployAdminCloneParameters,
  contract: { abi: Abi; bytecode: Hex; subject: string },
): Promise<{ address: Address; implementation: Address }> {
  const { admin, implementation } = parse(schema, parameters, contract.subject)
  return deployInitializedClone(client, {
    abi: contract.abi,
    bytecode: contract.bytecode,
    implementation,
    initArgs: [admin ?? client.account.address],
  })
}
