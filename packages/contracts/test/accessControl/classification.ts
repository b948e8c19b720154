/**
 * Every state-changing function of every contract in `contracts/`, classified. The test beside
 * this file fails when a generated ABI has a non-view function that is not listed here (or a
 * listed function that no longer exists), so a new function cannot ship unclassified.
 *
 * - `role`: gated by OpenZeppelin `AccessControl` (`onlyRole`); an outsider gets
 *   `AccessControlUnauthorizedAccount(caller, role)`.
 * - `caller`: gated by the caller's address in the contract's own state (e.g. the receiver of a
 *   lock); an outsider gets the contract's own error `error`.
 * - `initializer`: OpenZeppelin `Initializable`; runs once (atomically with the clone's creation
 *   through `CloneFactory`); any later call, and any call on the implementation, gets
 *   `InvalidInitialization()`.
 * - `self`: acts on the caller's own grant only (`renounceRole` requires `callerConfirmation ==
 *   msg.sender`, else `AccessControlBadConfirmation()`).
 * - `public`: anyone may call it; `reason` says why that is safe.
 */
export type Classification =
  | { kind: 'role'; role: string }
  | { kind: 'caller'; who: string; error: string }
  | { kind: 'initializer' }
  | { kind: 'self'; reason: string }
  | { kind: 'public'; reason: string }

/** How the contract exists on a chain. */
export type Deployment =
  /** Deployed with constructor arguments. */
  | { kind: 'direct' }
  /** An `Initializable` implementation, used through EIP-1167 clones made by `CloneFactory`. */
  | { kind: 'clone' }
  /** Abstract contract, interface or library: no bytecode; its functions are checked where inherited. */
  | { kind: 'none'; inheritedBy: readonly string[] }

export type ContractClassification = {
  deployment: Deployment
  functions: Readonly<Record<string, Classification>>
}

const adminRole = { kind: 'role', role: 'DEFAULT_ADMIN_ROLE' } as const

/** OpenZeppelin `AccessControl`'s own state-changing functions (every role's admin is DEFAULT_ADMIN_ROLE here). */
const accessControl = {
  grantRole: adminRole,
  revokeRole: adminRole,
  renounceRole: {
    kind: 'self',
    reason: 'drops only the caller’s own role (callerConfirmation must be msg.sender)',
  },
} as const satisfies Record<string, Classification>

const initializer = { kind: 'initializer' } as const
const erc20 = {
  approve: { kind: 'public', reason: 'ERC-20: sets the caller’s own allowance' },
  transfer: { kind: 'public', reason: 'ERC-20: moves the caller’s own balance' },
  transferFrom: { kind: 'public', reason: 'ERC-20: limited by the allowance the owner gave the caller' },
} as const satisfies Record<string, Classification>

const validatorSetRole = { kind: 'role', role: 'VALIDATOR_SET_ROLE' } as const
const noFunctions = {} as const

/** Contract name (as in `contracts/**\/<Name>.sol`) → its classification. */
export const classification: Readonly<Record<string, ContractClassification>> = {
  // ---------------------------------------------------------------- channel (circuit breaker)
  Channel: {
    deployment: { kind: 'clone' },
    functions: {
      ...accessControl,
      initialize: initializer,
      configureLane: { kind: 'role', role: 'GOVERNANCE_ROLE' },
      unpauseLane: { kind: 'role', role: 'GOVERNANCE_ROLE' },
      liftIsolation: { kind: 'role', role: 'GOVERNANCE_ROLE' },
      release: { kind: 'role', role: 'GOVERNANCE_ROLE' },
      refund: { kind: 'role', role: 'GOVERNANCE_ROLE' },
      isolate: { kind: 'role', role: 'BREAKER_ROLE' },
      pauseLane: { kind: 'role', role: 'BREAKER_ROLE' },
      send: { kind: 'public', reason: 'locks the caller’s own tokens; the on-chain guard holds anomalies' },
      receiveBatch: {
        kind: 'public',
        reason: 'a relayer delivers; the lane’s IBatchVerifier must accept the batch, each nonce once',
      },
    },
  },
  BreakerPriceFeed: {
    deployment: { kind: 'clone' },
    functions: { ...accessControl, initialize: initializer, setAnswer: { kind: 'role', role: 'PRICE_ROLE' } },
  },

  // ---------------------------------------------------------------- risk domains
  AttestationQuorum: {
    deployment: { kind: 'none', inheritedBy: ['AttestationVerifier', 'HybridVerifier', 'ZkBatchVerifier'] },
    functions: { ...accessControl, setValidatorSet: validatorSetRole },
  },
  AttestationVerifier: {
    deployment: { kind: 'clone' },
    functions: { ...accessControl, initialize: initializer, setValidatorSet: validatorSetRole },
  },
  ThresholdAttestationVerifier: {
    deployment: { kind: 'clone' },
    functions: { ...accessControl, initialize: initializer, setGroupKey: validatorSetRole },
  },
  SchnorrSecp256k1: { deployment: { kind: 'none', inheritedBy: [] }, functions: noFunctions },
  HybridVerifier: {
    deployment: { kind: 'clone' },
    functions: {
      ...accessControl,
      initialize: initializer,
      setValidatorSet: validatorSetRole,
      setConfig: adminRole,
      challenge: { kind: 'role', role: 'CHALLENGER_ROLE' },
      challengeWithConflict: {
        kind: 'public',
        reason: 'needs evidence: a current validator’s signature over a conflicting root',
      },
      submitBatch: {
        kind: 'public',
        reason: 'a relayer submits; the validators’ attestation quorum is checked',
      },
    },
  },
  ZkBatchVerifier: {
    deployment: { kind: 'clone' },
    functions: {
      ...accessControl,
      initialize: initializer,
      setMessageCap: { kind: 'role', role: 'CAP_ROLE' },
      setValidatorSet: validatorSetRole,
    },
  },
  DomainRegistry: {
    deployment: { kind: 'clone' },
    functions: {
      ...accessControl,
      initialize: initializer,
      registerDomain: { kind: 'role', role: 'REGISTRAR_ROLE' },
      isolate: { kind: 'role', role: 'GUARDIAN_ROLE' },
      restore: { kind: 'role', role: 'GUARDIAN_ROLE' },
      retire: adminRole,
      activate: {
        kind: 'public',
        reason: 'succeeds only when the staking registry shows the profile is met',
      },
    },
  },
  StakingRegistry: {
    deployment: { kind: 'clone' },
    functions: {
      ...accessControl,
      initialize: initializer,
      slash: { kind: 'role', role: 'SLASHER_ROLE' },
      registerValidator: {
        kind: 'public',
        reason: 'takes a seat for the caller itself (bounded by MAX_SEATS)',
      },
      bondStake: { kind: 'public', reason: 'bonds the caller’s own ERA to a registered seat' },
      bondStakeBatch: { kind: 'public', reason: 'bonds the caller’s own ERA to registered seats' },
      pruneSeat: { kind: 'public', reason: 'frees only a seat with nothing bonded' },
      requestUnbond: { kind: 'public', reason: 'unbonds the caller’s own stake only' },
      withdrawUnbonded: {
        kind: 'public',
        reason: 'withdraws the caller’s own unbonded stake after the delay',
      },
      reportEquivocation: {
        kind: 'public',
        reason: 'needs evidence: two signatures of one validator over different roots',
      },
    },
  },
  BatchAttestationLib: { deployment: { kind: 'none', inheritedBy: [] }, functions: noFunctions },
  BatchCommitmentGroth16Verifier: { deployment: { kind: 'direct' }, functions: noFunctions },
  IBatchCommitmentGroth16Verifier: { deployment: { kind: 'none', inheritedBy: [] }, functions: noFunctions },
  IBatchValidityVerifier: { deployment: { kind: 'none', inheritedBy: [] }, functions: noFunctions },
  IBatchVerifier: {
    deployment: { kind: 'none', inheritedBy: [] },
    functions: {
      verifyBatch: {
        kind: 'public',
        reason: 'interface; each implementation is classified where it is deployed',
      },
    },
  },

  // ---------------------------------------------------------------- deploy
  // Constructor-only: creates and initialises one clone in its own deployment transaction.
  CloneInitializer: { deployment: { kind: 'direct' }, functions: noFunctions },
  CloneFactory: {
    deployment: { kind: 'direct' },
    functions: {
      deployDomain: {
        kind: 'public',
        reason: 'the CREATE2 salt includes msg.sender, so a caller can only create its own clones',
      },
    },
  },
  BatchInbox: {
    deployment: { kind: 'clone' },
    functions: {
      ...accessControl,
      initialize: initializer,
      postBatch: { kind: 'role', role: 'POSTER_ROLE' },
    },
  },

  // ---------------------------------------------------------------- token
  EraToken: {
    deployment: { kind: 'direct' },
    functions: {
      ...accessControl,
      ...erc20,
      mint: { kind: 'role', role: 'MINTER_ROLE' },
      permit: { kind: 'public', reason: 'EIP-2612: checks the owner’s signature and nonce' },
    },
  },

  // ---------------------------------------------------------------- privacy
  Notary: {
    deployment: { kind: 'clone' },
    functions: {
      ...accessControl,
      initialize: initializer,
      notarize: { kind: 'role', role: 'NOTARIZER_ROLE' },
    },
  },
  DisclosureVerifier: {
    deployment: { kind: 'clone' },
    functions: {
      ...accessControl,
      initialize: initializer,
      notarize: { kind: 'role', role: 'NOTARIZER_ROLE' },
      disclose: {
        kind: 'public',
        reason: 'checks a Groth16 proof against a notarized root; each nullifier once',
      },
    },
  },
  DisclosureGroth16Verifier: { deployment: { kind: 'direct' }, functions: noFunctions },
  MembershipGroth16Verifier: { deployment: { kind: 'direct' }, functions: noFunctions },
  RangeGroth16Verifier: { deployment: { kind: 'direct' }, functions: noFunctions },
  SelectiveGroth16Verifier: { deployment: { kind: 'direct' }, functions: noFunctions },

  // ---------------------------------------------------------------- compliance
  SanctionsRegistry: {
    deployment: { kind: 'clone' },
    functions: {
      ...accessControl,
      initialize: initializer,
      setSanctioned: { kind: 'role', role: 'LIST_MANAGER_ROLE' },
    },
  },
  ISanctionsList: { deployment: { kind: 'none', inheritedBy: [] }, functions: noFunctions },
  HashedTimelockEscrow: {
    deployment: { kind: 'direct' },
    functions: {
      lock: { kind: 'public', reason: 'locks the caller’s own tokens' },
      withdraw: { kind: 'caller', who: 'the lock’s receiver', error: 'NotReceiver' },
      refund: {
        kind: 'public',
        reason: 'only after the timelock, and pays the lock’s sender, never the caller',
      },
    },
  },
  PaymentVersusPaymentEscrow: {
    deployment: { kind: 'clone' },
    functions: {
      initialize: initializer,
      createTrade: { kind: 'public', reason: 'moves nothing; only the named parties can fund it' },
      fund: { kind: 'caller', who: 'a party of the trade', error: 'NotAParty' },
      refund: { kind: 'public', reason: 'only after the deadline, and pays each leg back to its payer' },
    },
  },

  // ---------------------------------------------------------------- sandbox
  SandboxDollar: {
    deployment: { kind: 'direct' },
    functions: { ...accessControl, ...erc20, mintEach: { kind: 'role', role: 'MINTER_ROLE' } },
  },
  SandboxWorkload: {
    deployment: { kind: 'direct' },
    functions: {
      notarize: { kind: 'public', reason: 'load generator: each record id is written once, by anyone' },
      play: { kind: 'public', reason: 'load generator: adds to the caller’s own score' },
      fund: { kind: 'public', reason: 'forwards exactly the caller’s own msg.value' },
    },
  },
}
