import { type Devnet, startDevnet } from '@caldera/devnet'
import { type Address, BaseError, ContractFunctionRevertedError, type Hex } from 'viem'
import type { HDAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PrivilegedCall, privilegedCalls, roleHolder } from './cases.js'
import { type Classification, classification } from './classification.js'
import { abiOf, deployFixture, type Fixture } from './fixture.js'

type Row = { label: string; name: string; fn: string; kind: Classification }

const deployed = Object.entries(classification).filter(([, entry]) => entry.deployment.kind !== 'none')
const guarded: Row[] = deployed.flatMap(([name, entry]) =>
  Object.entries(entry.functions)
    .filter(([, kind]) => kind.kind !== 'public')
    .map(([fn, kind]) => ({ label: `${name}.${fn}`, name, fn, kind })),
)
const privileged = guarded.filter((row) => row.kind.kind === 'role' || row.kind.kind === 'caller')

/** The role a contract's generic grantRole / revokeRole / renounceRole calls act on. */
function sampleRole(name: string): string {
  const roles = Object.values(classification[name]!.functions).flatMap((kind) =>
    kind.kind === 'role' && kind.role !== 'DEFAULT_ADMIN_ROLE' ? [kind.role] : [],
  )
  return roles[0] ?? 'DEFAULT_ADMIN_ROLE'
}

/** The decoded custom error a call reverts with; fails when it succeeds or reverts without one. */
async function revertOf(call: Promise<unknown>): Promise<{ errorName: string; args: readonly unknown[] }> {
  try {
    await call
  } catch (error) {
    const reverted =
      error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : undefined
    if (reverted instanceof ContractFunctionRevertedError && reverted.data) {
      return { errorName: reverted.data.errorName, args: reverted.data.args ?? [] }
    }
    throw error
  }
  throw new Error('the call succeeded')
}

describe('access control on anvil: every guarded function refuses an outsider', () => {
  let devnet: Devnet
  let fixture: Fixture
  const roleHashes = new Map<string, Hex>()

  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'access-control', accounts: 10 }] })
    fixture = await deployFixture(devnet.chain('access-control'))
  }, 120_000)
  afterAll(async () => {
    await devnet?.stop()
  })

  const client = () => fixture.chain.publicClient
  const roleHash = async (name: string, role: string): Promise<Hex> => {
    const key = `${name}.${role}`
    if (!roleHashes.has(key)) {
      const hash = (await client().readContract({
        address: fixture.address[name]!,
        abi: abiOf(name),
        functionName: role,
      })) as Hex
      roleHashes.set(key, hash)
    }
    return roleHashes.get(key)!
  }
  const simulate = (name: string, fn: string, args: readonly unknown[], account: HDAccount, at?: Address) =>
    client().simulateContract({
      address: at ?? fixture.address[name]!,
      abi: abiOf(name),
      functionName: fn,
      args,
      account,
    } as never)
  const write = async (name: string, fn: string, args: readonly unknown[], account: HDAccount) => {
    const { request } = await simulate(name, fn, args, account)
    const hash = await fixture.chain.walletClient.writeContract(request as never)
    return (await client().waitForTransactionReceipt({ hash })).status
  }
  /** The privileged call of `name.fn` (generic for AccessControl's own functions). */
  const callOf = async ({ name, fn }: Row): Promise<PrivilegedCall> => {
    if (fn === 'grantRole' || fn === 'revokeRole') {
      return { args: [await roleHash(name, sampleRole(name)), fixture.actors.bystander.address] }
    }
    const build = privilegedCalls[`${name}.${fn}`]
    if (!build) throw new Error(`no privileged call for ${name}.${fn} in cases.ts`)
    return build(fixture)
  }

  it.each(guarded)('$label ($kind.kind)', async (row) => {
    const { name, fn, kind } = row
    const { attacker, admin } = fixture.actors
    switch (kind.kind) {
      case 'role': {
        const call = await callOf(row)
        const role = await roleHash(name, kind.role)
        expect(await revertOf(simulate(name, fn, call.args, attacker))).toEqual({
          errorName: 'AccessControlUnauthorizedAccount',
          args: [attacker.address, role],
        })
        const holder = call.holder ?? roleHolder(fixture, kind.role)
        // Roles are separate: the admin holds only the roles it was given.
        if (holder.address !== admin.address) {
          expect(await revertOf(simulate(name, fn, call.args, admin))).toEqual({
            errorName: 'AccessControlUnauthorizedAccount',
            args: [admin.address, role],
          })
        }
        // The very same call succeeds for the holder: the role is what refused the outsider.
        await expect(simulate(name, fn, call.args, holder)).resolves.toBeDefined()
        break
      }
      case 'caller': {
        const call = await callOf(row)
        expect(await revertOf(simulate(name, fn, call.args, attacker))).toEqual({
          errorName: kind.error,
          args: call.errorArgs!(attacker.address),
        })
        await expect(simulate(name, fn, call.args, call.holder!)).resolves.toBeDefined()
        break
      }
      case 'initializer': {
        // A takeover attempt: re-initialising with the attacker as admin, on the clone and on
        // the implementation behind it (locked by its constructor).
        const args = fixture.initArgs[name]!(attacker.address)
        for (const at of [fixture.address[name]!, fixture.implementation[name]!]) {
          expect(await revertOf(simulate(name, fn, args, attacker, at))).toEqual({
            errorName: 'InvalidInitialization',
            args: [],
          })
        }
        expect(await revertOf(simulate(name, fn, fixture.initArgs[name]!(admin.address), admin))).toEqual({
          errorName: 'InvalidInitialization',
          args: [],
        })
        break
      }
      case 'self': {
        const roleName = sampleRole(name)
        const role = await roleHash(name, roleName)
        const holder = roleHolder(fixture, roleName)
        expect(await revertOf(simulate(name, fn, [role, holder.address], attacker))).toEqual({
          errorName: 'AccessControlBadConfirmation',
          args: [],
        })
        await expect(simulate(name, fn, [role, holder.address], holder)).resolves.toBeDefined()
        break
      }
      default:
        throw new Error(`${name}.${fn} is public`)
    }
  })

  it('initialised every clone through the factory (the admin holds DEFAULT_ADMIN_ROLE)', async () => {
    for (const [name] of deployed.filter(([, entry]) => entry.deployment.kind === 'clone')) {
      const functions = classification[name]!.functions
      if (!('grantRole' in functions)) continue
      const adminRole = await roleHash(name, 'DEFAULT_ADMIN_ROLE')
      const [admin, attacker] = [fixture.actors.admin.address, fixture.actors.attacker.address]
      for (const [account, has] of [
        [admin, true],
        [attacker, false],
      ] as const) {
        const result = await client().readContract({
          address: fixture.address[name]!,
          abi: abiOf(name),
          functionName: 'hasRole',
          args: [adminRole, account],
        })
        expect({ name, account, result }).toEqual({ name, account, result: has })
      }
    }
  })

  // One case per role (and per caller-gated function): the holder's real transaction succeeds,
  // and a newcomer can use the role exactly while it holds it.
  const perRole = new Map<string, Row>()
  for (const row of privileged) {
    const label = row.kind.kind === 'role' ? `${row.name} ${row.kind.role}` : row.label
    if (!perRole.has(label)) perRole.set(label, { ...row, label })
  }

  it.each([...perRole.values()])(
    '$label: the holder’s real call succeeds (a role: a newcomer only while granted)',
    async (row) => {
      const { name, fn, kind } = row
      const { admin, newcomer } = fixture.actors
      const call = await callOf(row)
      if (kind.kind === 'role') {
        const role = await roleHash(name, kind.role)
        const refusal = { errorName: 'AccessControlUnauthorizedAccount', args: [newcomer.address, role] }
        expect(await revertOf(simulate(name, fn, call.args, newcomer))).toEqual(refusal)
        expect(await write(name, 'grantRole', [role, newcomer.address], admin)).toBe('success')
        await expect(simulate(name, fn, call.args, newcomer)).resolves.toBeDefined()
        expect(await write(name, 'revokeRole', [role, newcomer.address], admin)).toBe('success')
        expect(await revertOf(simulate(name, fn, call.args, newcomer))).toEqual(refusal)
      }
      const holder = call.holder ?? roleHolder(fixture, kind.kind === 'role' ? kind.role : '')
      expect(await write(name, fn, call.args, holder)).toBe('success')
    },
  )

  it('covers every guarded function', () => {
    expect(guarded.length).toBe(
      deployed.reduce(
        (sum, [, entry]) =>
          sum + Object.values(entry.functions).filter((kind) => kind.kind !== 'public').length,
        0,
      ),
    )
    expect(privileged.length).toBeGreaterThan(40)
  })
})
