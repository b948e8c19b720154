import { parse } from '@caldera/core'
import { z } from 'zod'
import { check, inputSchemas } from '../internal/inputs.js'

const addressLike = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, { message: 'a 0x-prefixed 20-byte address' })
  .transform((v) => v.toLowerCase())

/** One version of a sanctions list: a full snapshot, or additions and removals (delistings). */
export const sanctionsListVersionSchema = z
  .object({
    /** Version label, e.g. `ofac-sdn-eth@0650c71e`. */
    version: z.string().min(1).max(128),
    /** When this version takes effect, seconds since the epoch. */
    effectiveFrom: z.number().int().nonnegative(),
    /** Full list: replaces every earlier entry (addresses absent here are delisted). */
    addresses: z.array(addressLike).optional(),
    /** Addresses added by this version. */
    add: z.array(addressLike).optional(),
    /** Addresses delisted by this version. */
    remove: z.array(addressLike).optional(),
    /** Where the version comes from (URL, notice, file). */
    source: z.string().max(500).optional(),
  })
  .refine((v) => v.addresses !== undefined || v.add !== undefined || v.remove !== undefined, {
    message: 'a version with addresses, add or remove',
  })
export type SanctionsListVersion = z.input<typeof sanctionsListVersionSchema>

/** A period during which an address is listed: `[from, to)`, `to` undefined while still listed. */
export type ListingInterval = { from: number; to: number | undefined; version: string; delistedBy?: string }

/** A versioned sanctions list with effective dates, queried at a point in time. */
export type SanctionsList = {
  name: string
  /** Versions in effective order. */
  versions: readonly { version: string; effectiveFrom: number }[]
  /** Whether `address` is listed at `at` (seconds; default: now). */
  isSanctioned(address: string, at?: number): boolean
  /** Listing intervals of `address` (empty when never listed). */
  intervalsOf(address: string): readonly ListingInterval[]
  /** The version in force at `at`, or undefined before the first one. */
  versionAt(at: number): string | undefined
  /** Addresses listed at `at`, lower-case. */
  listedAt(at: number): string[]
}

/**
 * Builds a versioned sanctions list from snapshots and delta versions. Each address gets the
 * intervals during which it was listed, so screening a transaction at time `t` uses the list
 * in force at `t`, and delisted addresses stop matching from their delisting date.
 *
 * @param parameters - `name` and `versions` (any order; sorted by `effectiveFrom`).
 * @returns The list.
 *
 * @example
 * import { createSanctionsList } from '@caldera/compliance'
 * const list = createSanctionsList({ name: 'demo', versions: [
 *   { version: 'v1', effectiveFrom: 0, addresses: ['0x8589427373D6D84E98730D7795D8f6f8731FDA16'] },
 *   { version: 'v2', effectiveFrom: 1742515200, remove: ['0x8589427373D6D84E98730D7795D8f6f8731FDA16'] },
 * ] })
 * list.isSanctioned('0x8589427373d6d84e98730d7795d8f6f8731fda16', 1700000000) // true
 */
export function createSanctionsList(parameters: {
  name: string
  versions: readonly SanctionsListVersion[]
}): SanctionsList {
  const { name, versions: raw } = parse(
    z.object({ name: z.string().min(1).max(128), versions: z.array(sanctionsListVersionSchema).min(1) }),
    parameters,
    'sanctions list',
  )
  const versions = [...raw].sort((a, b) => a.effectiveFrom - b.effectiveFrom)
  const intervals = new Map<string, ListingInterval[]>()
  const open = new Set<string>()
  const list = (address: string, at: number, version: string) => {
    if (open.has(address)) return
    open.add(address)
    const existing = intervals.get(address)
    const interval: ListingInterval = { from: at, to: undefined, version }
    if (existing) existing.push(interval)
    else intervals.set(address, [interval])
  }
  const delist = (address: string, at: number, version: string) => {
    if (!open.delete(address)) return
    const last = intervals.get(address)!.at(-1)!
    last.to = at
    last.delistedBy = version
  }
  for (const v of versions) {
    if (v.addresses) {
      const next = new Set(v.addresses)
      for (const address of [...open]) if (!next.has(address)) delist(address, v.effectiveFrom, v.version)
      for (const address of next) list(address, v.effectiveFrom, v.version)
    }
    for (const address of v.add ?? []) list(address, v.effectiveFrom, v.version)
    for (const address of v.remove ?? []) delist(address, v.effectiveFrom, v.version)
  }
  const nowSeconds = () => Math.floor(Date.now() / 1000)
  const intervalsOf = (address: string) => intervals.get(address.toLowerCase()) ?? []
  return {
    name,
    versions: versions.map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom })),
    intervalsOf,
    isSanctioned(address, at = nowSeconds()) {
      return listedIn(intervalsOf(address), at) !== undefined
    },
    versionAt(at) {
      let found: string | undefined
      for (const v of versions) if (v.effectiveFrom <= at) found = v.version
      return found
    },
    listedAt(at) {
      const out: string[] = []
      for (const [address, list] of intervals) if (listedIn(list, at)) out.push(address)
      return out.sort()
    },
  }
}

/**
 * The listing interval that covers time `at`, if any.
 *
 * @example
 * import { listedIn, ofacEthList } from '@caldera/compliance'
 * listedIn(ofacEthList().intervalsOf('0x8589427373D6D84E98730D7795D8f6f8731FDA16'), 1740000000)?.version
 */
export function listedIn(list: readonly ListingInterval[], at: number): ListingInterval | undefined {
  check(inputSchemas.listedIn, [list, at], 'listedIn (list, at)')
  for (const interval of list)
    if (interval.from <= at && (interval.to === undefined || at < interval.to)) return interval
  return undefined
}

/**
 * Reads a sanctions file with one address per line (blank lines and `#` comments ignored), such
 * as the OFAC SDN digital-currency address lists.
 *
 * @example
 * import { readFileSync } from 'node:fs'
 * import { parseSanctionsFile } from '@caldera/compliance'
 * const addresses = parseSanctionsFile(readFileSync('sanctioned_addresses_ETH.txt', 'utf8'))
 */
export function parseSanctionsFile(text: string): string[] {
  check(inputSchemas.text, text, 'sanctions file text')
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l.length > 0)
  return parse(z.array(addressLike), lines, 'sanctions file')
}
