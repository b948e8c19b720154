import { type Address, keccak256, stringToHex } from 'viem'
import type { HDAccount } from 'viem/accounts'
import { type Fixture, laneConfig, lightProfile } from './fixture.js'

/** A call of a privileged function: arguments the holder's call succeeds with, and the holder. */
export type PrivilegedCall = {
  args: readonly unknown[]
  /** Who may make the call (default: the admin). */
  holder?: HDAccount
  /** Arguments of the contract's own error for an outsider (`caller` kind only). */
  errorArgs?: (attacker: Address) => readonly unknown[]
}

const id = (text: string) => keccak256(stringToHex(text))

/**
 * `Contract.function` → a call of that privileged function, built on the fixture's state, that
 * its holder's call succeeds with. `grantRole`, `revokeRole`, `renounceRole` and `initialize`
 * are built generically by the test.
 */
export const privilegedCalls: Readonly<Record<string, (fixture: Fixture) => PrivilegedCall>> = {
  'Channel.configureLane': ({ address }) => ({
    args: [id('another-peer'), laneConfig(address.AttestationVerifier!)],
  }),
  'Channel.unpauseLane': ({ ids }) => ({ args: [ids.peer] }),
  'Channel.liftIsolation': () => ({ args: [] }),
  'Channel.release': ({ ids }) => ({ args: [ids.heldId] }),
  'Channel.refund': ({ ids }) => ({ args: [ids.heldId] }),
  'Channel.isolate': ({ ids }) => ({ args: [ids.domain] }),
  'Channel.pauseLane': ({ ids }) => ({ args: [ids.peer] }),

  'BreakerPriceFeed.setAnswer': () => ({ args: [151_000_000n] }),

  'AttestationVerifier.setValidatorSet': ({ actors }) => ({
    args: [id('attested-source'), [actors.validator.address], 1n],
  }),
  'ThresholdAttestationVerifier.setGroupKey': () => ({
    // x of the secp256k1 generator: a valid curve point's x coordinate.
    args: [
      id('threshold-source'),
      0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n,
      0,
      50n,
      26n,
    ],
  }),
  'HybridVerifier.setValidatorSet': ({ actors }) => ({
    args: [id('other-source'), [actors.validator.address], 1n],
  }),
  'HybridVerifier.setConfig': ({ address }) => ({ args: [600n, 1n, address.ZkBatchVerifier] }),
  'HybridVerifier.challenge': ({ ids }) => ({ args: [ids.hybridSource, 1n] }),
  'ZkBatchVerifier.setMessageCap': ({ ids }) => ({ args: [ids.domain, 1_000n] }),
  'ZkBatchVerifier.setValidatorSet': ({ actors }) => ({
    args: [id('zk-source'), [actors.validator.address], 1n],
  }),
  'DomainRegistry.registerDomain': () => ({ args: ['fresh', lightProfile] }),
  'DomainRegistry.isolate': ({ ids }) => ({ args: [ids.activeDomain] }),
  'DomainRegistry.restore': ({ ids }) => ({ args: [ids.isolatedDomain] }),
  'DomainRegistry.retire': ({ ids }) => ({ args: [ids.activeDomain] }),
  'StakingRegistry.slash': ({ ids, actors }) => ({ args: [ids.activeDomain, actors.admin.address, 1n] }),

  'BatchInbox.postBatch': ({ actors }) => ({ args: ['0x00c0'], holder: actors.poster }),

  'EraToken.mint': ({ actors }) => ({ args: [actors.receiver.address, 1n] }),

  'Notary.notarize': ({ actors }) => ({ args: [123n, 1n], holder: actors.notarizer }),
  'DisclosureVerifier.notarize': ({ actors }) => ({ args: [123n, 1n], holder: actors.notarizer }),

  'SanctionsRegistry.setSanctioned': ({ actors }) => ({
    args: [[actors.bystander.address], true, id('list@1')],
  }),
  'HashedTimelockEscrow.withdraw': ({ ids, actors }) => ({
    args: [ids.lockId, ids.secret],
    holder: actors.receiver,
    errorArgs: (attacker) => [ids.lockId, attacker],
  }),
  'PaymentVersusPaymentEscrow.fund': ({ ids, actors }) => ({
    args: [ids.tradeId],
    holder: actors.partyA,
    errorArgs: (attacker) => [ids.tradeId, attacker],
  }),

  'SandboxDollar.mintEach': ({ actors }) => ({ args: [[actors.receiver.address], 1n] }),
}

/** Holder of `role` in the fixture: the admin, except the roles given to a dedicated account. */
export function roleHolder(fixture: Fixture, role: string): HDAccount {
  if (role === 'POSTER_ROLE') return fixture.actors.poster
  if (role === 'NOTARIZER_ROLE') return fixture.actors.notarizer
  return fixture.actors.admin
}
