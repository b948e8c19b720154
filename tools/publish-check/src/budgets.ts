/**
 * Size budgets per package, in KiB (packed tarball / unpacked files). Libraries stay light:
 * circuit artifacts only in packages that prove. A package over its budget, or without one,
 * fails the check.
 */
export const budgets: Record<string, { packedKiB: number; unpackedKiB: number }> = {
  '@caldera/core': { packedKiB: 100, unpackedKiB: 500 },
  '@caldera/contracts': { packedKiB: 1_500, unpackedKiB: 8_000 },
  '@caldera/devnet': { packedKiB: 80, unpackedKiB: 400 },
  '@caldera/sdk': { packedKiB: 80, unpackedKiB: 400 },
  '@caldera/risk-domain': { packedKiB: 6_000, unpackedKiB: 10_000 },
  '@caldera/circuit-breaker': { packedKiB: 400, unpackedKiB: 1_600 },
  '@caldera/compliance': { packedKiB: 600, unpackedKiB: 3_000 },
  '@caldera/privacy-zk': { packedKiB: 12_000, unpackedKiB: 30_000 },
  '@caldera/zk': { packedKiB: 300, unpackedKiB: 1_500 },
  '@caldera/deploy-lite': { packedKiB: 300, unpackedKiB: 1_500 },
  '@caldera/sandbox': { packedKiB: 600, unpackedKiB: 2_500 },
}
