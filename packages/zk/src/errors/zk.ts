import { CalderaError, type CalderaErrorOptions } from '@caldera/core'

/** Base class of every error thrown by `@caldera/zk`. */
export class ZkError extends CalderaError {
  override name = 'ZkError'
}

/** An artifact's bytes do not have the SHA-256 pinned for them. */
export class ArtifactHashMismatchError extends ZkError {
  override name = 'ArtifactHashMismatchError'
  readonly artifact: string
  readonly expected: string
  readonly actual: string
  constructor({ artifact, expected, actual }: { artifact: string; expected: string; actual: string }) {
    super(`Artifact ${artifact} does not match its pinned SHA-256.`, {
      metaMessages: [`expected sha256: ${expected}`, `actual sha256:   ${actual}`],
      hint: 'Load the artifact built with this package version (or rebuild the circuits and commit the new hashes); never prove with an unverified proving key.',
    })
    this.artifact = artifact
    this.expected = expected
    this.actual = actual
  }
}

/** An artifact could not be fetched or read. */
export class ArtifactLoadError extends ZkError {
  override name = 'ArtifactLoadError'
  constructor({ artifact, source }: { artifact: string; source: string }, options: CalderaErrorOptions = {}) {
    super(`Could not load artifact ${artifact} from ${source}.`, {
      hint: 'Check the URL or path, or pass the artifact bytes directly.',
      ...options,
    })
  }
}

/** The witness could not be computed: the inputs violate a circuit constraint or are malformed. */
export class ProofGenerationError extends ZkError {
  override name = 'ProofGenerationError'
  constructor({ circuit }: { circuit: string }, options: CalderaErrorOptions = {}) {
    super(`Could not generate a proof for circuit ${circuit}: the inputs do not satisfy its constraints.`, {
      hint: 'Check every input: values out of their allowed range, wrong salts or wrong Merkle paths make the circuit assertions fail.',
      ...options,
    })
  }
}

/** Building circuits (compile, setup, export) failed. */
export class CircuitBuildError extends ZkError {
  override name = 'CircuitBuildError'
}

/** A phase-2 ceremony step failed or a zkey did not verify. */
export class CeremonyError extends ZkError {
  override name = 'CeremonyError'
}
