import {
  batchInboxAbi,
  cloneFactoryAbi,
  hybridVerifierAbi,
  paymentVersusPaymentEscrowAbi,
  zkBatchVerifierAbi,
} from '@caldera/contracts'
import { domainIdOf, tierPresets, ValidationError } from '@caldera/core'
import { type Devnet, type DevnetChain, startDevnet } from '@caldera/devnet'
import fc from 'fast-check'
import { keccak256, toHex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  componentKeyOf,
  create2Address,
  domainSaltOf,
  eip1167InitCode,
  eip1167RuntimeCode,
} from '../address/create2.js'
import {
  ChainMismatchError,
  DeployerMismatchError,
  GasCapExceededError,
  PartialDeploymentError,
} from '../errors/deploy.js'
import { defineComponent } from '../stack/component.js'
import { complianceComponents } from '../stack/components/compliance.js'
import { domainStack } from '../stack/domainStack.js'
import { deployDomain } from './deployDomain.js'
import { executeDeployment } from './executeDeployment.js'
import { planDeployment } from './planDeployment.js'
import { predictDomainAddresses } from './predictDomainAddresses.js'

let devnet: Devnet
let chain: DevnetChain
beforeAll(async () => {
  devnet = await startDevnet({ chains: [{ name: 'deploy' }] })
  chain = devnet.chain('deploy')
})
afterAll(async () => {
  await devnet?.stop()
})

const configOf = (name: string, mode: 'lite' | 'traditional') => ({
  mode,
  domain: { name, tier: 'light' as const, chainId: chain.chainId },
  admin: chain.accounts[0]!.address,
  poster: chain.accounts[1]!.address,
  ethUsd: 3000_000000n,
  params: {
    Channel: { token: '0x00000000000000000000000000000000000e2a00' },
    StakingRegistry: { token: '0x00000000000000000000000000000000000e2a00' },
  },
})

describe('deployDomain', () => {
  it('deploys a lite domain at the predicted addresses, and a second run sends nothing', async () => {
    const config = configOf('payments', 'lite')
    const predicted = predictDomainAddresses({ config, deployer: chain.accounts[0]!.address })
    const result = await deployDomain(chain.walletClient, { config })
    expect(result.status).toBe('deployed')
    expect(result.addresses).toEqual(predicted)
    expect(result.estimateError).toBeLessThan(0.05)
    for (const component of domainStack) {
      const address = predicted.contracts[component.name]!
      const code = await chain.publicClient.getCode({ address })
      if (component.kind === 'perDomain')
        expect(code, component.name).toBe(eip1167RuntimeCode(predicted.implementations[component.name]!))
      else {
        // Shared: the singleton itself.
        expect(address, component.name).toBe(predicted.implementations[component.name])
        expect(code, component.name).toBe(component.deployedBytecode)
      }
    }
    const inbox = predicted.contracts.BatchInbox!
    expect(
      await chain.publicClient.readContract({ address: inbox, abi: batchInboxAbi, functionName: 'domainId' }),
    ).toBe(domainIdOf('payments'))
    const hybrid = predicted.contracts.HybridVerifier!
    expect(
      await chain.publicClient.readContract({
        address: hybrid,
        abi: hybridVerifierAbi,
        functionName: 'challengeWindow',
      }),
    ).toBe(1800n)
    expect(
      await chain.publicClient.readContract({
        address: hybrid,
        abi: hybridVerifierAbi,
        functionName: 'zkProofAbove',
      }),
    ).toBe(100_000n * 10n ** 18n)
    // Wiring between components: hybrid → ZK batch verifier clone → shared Groth16 verifier.
    expect(
      await chain.publicClient.readContract({
        address: hybrid,
        abi: hybridVerifierAbi,
        functionName: 'zkVerifier',
      }),
    ).toBe(predicted.contracts.ZkBatchVerifier)
    expect(
      await chain.publicClient.readContract({
        address: predicted.contracts.ZkBatchVerifier!,
        abi: zkBatchVerifierAbi,
        functionName: 'groth16Verifier',
      }),
    ).toBe(predicted.contracts.BatchCommitmentGroth16Verifier)
    // The clone works: the poster posts a batch, the hash is stored.
    const batch = toHex(new Uint8Array([1, 2, 3, 4]))
    const hash = await chain.walletClient.writeContract({
      account: chain.accounts[1]!,
      address: inbox,
      abi: batchInboxAbi,
      functionName: 'postBatch',
      args: [batch],
    })
    await chain.publicClient.waitForTransactionReceipt({ hash })
    expect(
      await chain.publicClient.readContract({
        address: inbox,
        abi: batchInboxAbi,
        functionName: 'batchHash',
        args: [0n],
      }),
    ).toBe(keccak256(batch))

    const again = await deployDomain(chain.walletClient, { config })
    expect(again.status).toBe('already-deployed')
    expect(again.transactions).toHaveLength(0)
    expect(again.skipped.length).toBeGreaterThan(0)
  })

  it('deploys a second lite domain with one transaction', async () => {
    const result = await deployDomain(chain.walletClient, { config: configOf('payments-2', 'lite') })
    expect(result.transactions.map((t) => t.label)).toEqual([
      `clone domain payments-2 (${domainStack.filter((c) => c.kind === 'perDomain').length} contracts)`,
    ])
  })

  it('deploys a traditional domain at the predicted addresses, initialised, and a second run sends nothing', async () => {
    const config = configOf('payments', 'traditional')
    const predicted = predictDomainAddresses({ config, deployer: chain.accounts[0]!.address })
    const result = await deployDomain(chain.walletClient, { config })
    expect(result.status).toBe('deployed')
    expect(result.addresses).toEqual(predicted)
    expect(result.estimateError).toBeLessThan(0.05)
    for (const component of domainStack) {
      const code = await chain.publicClient.getCode({ address: predicted.contracts[component.name]! })
      expect(code, component.name).toBe(component.deployedBytecode) // a full copy per domain
    }
    const inbox = predicted.contracts.BatchInbox!
    expect(
      await chain.publicClient.readContract({ address: inbox, abi: batchInboxAbi, functionName: 'domainId' }),
    ).toBe(domainIdOf('payments'))
    expect((await deployDomain(chain.walletClient, { config })).status).toBe('already-deployed')
  })

  it('lists every error of a bad config at once, before any RPC call', async () => {
    const bad = {
      mode: 'cheap',
      domain: {
        name: 'Bad Name',
        tier: 'light',
        chainId: -1,
        profile: { ...tierPresets.light, tier: 'enterprise', minValidators: 3 },
      },
      admin: '0x1234',
      ethUsd: -5,
      params: { Nope: {} },
    }
    const error = await planDeployment(chain.publicClient, {
      config: bad,
      deployer: chain.accounts[0]!.address,
    }).catch((e) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((i) => i.path)).toMatchInlineSnapshot(`
      [
        "mode",
        "domain.name",
        "domain.chainId",
        "admin",
        "ethUsd",
        "domain.profile.tier",
        "domain.profile.minValidators",
        "params.Nope",
        "params.StakingRegistry",
        "params.Channel",
      ]
    `)
  })

  it('refuses a transaction above the EIP-7825 cap before sending it', async () => {
    // A real contract whose creation loops ~16.7M times: its deployment needs more than 2^24 gas.
    const burner = defineComponent({
      name: 'GasBurner',
      kind: 'shared',
      abi: [],
      bytecode: '0x62ffffff5b600190038060045700',
      deployedBytecode: '0x00',
    })
    const before = await chain.publicClient.getTransactionCount({ address: chain.accounts[0]!.address })
    const error = await deployDomain(chain.walletClient, {
      config: configOf('burner', 'lite'),
      stack: [...domainStack, burner],
    }).catch((e) => e)
    expect(error).toBeInstanceOf(GasCapExceededError)
    expect((error as GasCapExceededError).shortMessage).toMatchInlineSnapshot(
      `"Transaction "shared GasBurner" needs more than 16777216 gas, above the per-transaction cap of 16777216 (EIP-7825); nothing was sent."`,
    )
    expect(await chain.publicClient.getTransactionCount({ address: chain.accounts[0]!.address })).toBe(before)
  })

  it('predicts the same clone addresses as the factory contract, for any domain and component', async () => {
    const deployer = chain.accounts[0]!.address
    const { factory, implementations } = predictDomainAddresses({
      config: configOf('payments', 'lite'),
      deployer,
    })
    const implementation = implementations.Channel!
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
        fc.string({ maxLength: 20 }),
        async (name, component) => {
          const key = componentKeyOf(component)
          const domainId = domainIdOf(name)
          const onChain = await chain.publicClient.readContract({
            address: factory!,
            abi: cloneFactoryAbi,
            functionName: 'predictAddress',
            args: [implementation, deployer, domainId, key],
          })
          const offline = create2Address({
            from: factory!,
            salt: domainSaltOf({ deployer, domainId, key }),
            initCode: eip1167InitCode(implementation),
          })
          expect(offline).toBe(onChain)
        },
      ),
      { numRuns: 25 },
    )
  })

  it('refuses a partly deployed domain and a config for another chain', async () => {
    const inboxOnly = domainStack.filter((c) => c.name === 'BatchInbox')
    await deployDomain(chain.walletClient, {
      config: { ...configOf('partial', 'lite'), params: {} },
      stack: inboxOnly,
    })
    await expect(
      planDeployment(chain.publicClient, {
        config: configOf('partial', 'lite'),
        deployer: chain.accounts[0]!.address,
      }),
    ).rejects.toThrow(PartialDeploymentError)
    const elsewhere = {
      ...configOf('payments', 'lite'),
      domain: { name: 'payments', tier: 'light', chainId: 1 },
    }
    await expect(
      planDeployment(chain.publicClient, { config: elsewhere, deployer: chain.accounts[0]!.address }),
    ).rejects.toThrow(ChainMismatchError)
  })

  it('refuses to send a plan from another account than the planned deployer', async () => {
    const plan = await planDeployment(chain.publicClient, {
      config: configOf('other', 'lite'),
      deployer: chain.accounts[1]!.address,
    })
    await expect(executeDeployment(chain.walletClient, { plan })).rejects.toThrow(DeployerMismatchError)
  })

  it('estimates within 5% with eth_estimateGas and code overrides (nodes without eth_simulateV1)', async () => {
    for (const mode of ['traditional', 'lite'] as const) {
      const result = await deployDomain(chain.walletClient, {
        config: configOf(`estimated-${mode}`, mode),
        estimator: 'estimateGas',
      })
      expect(result.status).toBe('deployed')
      expect(result.transactions.length).toBeGreaterThan(0)
      expect(result.estimateError).toBeLessThan(0.05)
    }
  })

  it('deploys the stack extended with the compliance components, wired together, in one clone call', async () => {
    const stack = [...domainStack, ...complianceComponents]
    const result = await deployDomain(chain.walletClient, { config: configOf('settlement', 'lite'), stack })
    expect(result.transactions.map((t) => t.label).at(-1)).toBe(
      `clone domain settlement (${stack.filter((c) => c.kind === 'perDomain').length} contracts)`,
    )
    const { contracts } = result.addresses
    expect(
      await chain.publicClient.readContract({
        address: contracts.PaymentVersusPaymentEscrow!,
        abi: paymentVersusPaymentEscrowAbi,
        functionName: 'sanctionsList',
      }),
    ).toBe(contracts.SanctionsRegistry)
  })
})
