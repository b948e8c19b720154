import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ofacEthSnapshotAddresses } from '../data/ofacEthSnapshot.js'
import { ofacEthList } from './ofacEth.js'
import { createSanctionsList, parseSanctionsFile } from './sanctionsList.js'

const conformance = join(import.meta.dirname, '../../../../../shared/conformance')
const tornado100 = '0xA160cdAB225685dA1d56aa342Ad8841c3b53f291'

describe('sanctions lists', () => {
  it('bundles the conformance OFAC snapshot verbatim', () => {
    const file = parseSanctionsFile(
      readFileSync(join(conformance, 'ofac/sanctioned_addresses_ETH.txt'), 'utf8'),
    )
    expect(file).toHaveLength(147)
    expect(ofacEthSnapshotAddresses.map((a) => a.toLowerCase())).toEqual(file)
  })
  it('applies effective dates and the Tornado Cash delisting', () => {
    const list = ofacEthList()
    expect(list.isSanctioned(tornado100, Date.UTC(2024, 5, 1) / 1000)).toBe(false) // before the snapshot's date
    expect(list.isSanctioned(tornado100, Date.UTC(2025, 1, 1) / 1000)).toBe(true)
    expect(list.isSanctioned(tornado100, Date.UTC(2025, 2, 21) / 1000)).toBe(false)
    expect(list.isSanctioned('0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1', Date.UTC(2026, 0, 1) / 1000)).toBe(
      true,
    )
    expect(list.listedAt(Date.UTC(2025, 1, 1) / 1000)).toHaveLength(147)
    expect(list.listedAt(Date.UTC(2025, 5, 1) / 1000)).toHaveLength(140)
    expect(list.versionAt(Date.UTC(2025, 5, 1) / 1000)).toBe('ofac-sdn-eth@2025-03-21-tornado-delisting')
    expect(list.intervalsOf(tornado100)).toEqual([
      {
        from: 1735689600,
        to: 1742515200,
        version: 'ofac-sdn-eth@0650c71e',
        delistedBy: 'ofac-sdn-eth@2025-03-21-tornado-delisting',
      },
    ])
  })
  it('handles full snapshots that drop an address, and relisting', () => {
    const a = '0x00000000000000000000000000000000000000a1'
    const b = '0x00000000000000000000000000000000000000b2'
    const list = createSanctionsList({
      name: 'x',
      versions: [
        { version: 'v3', effectiveFrom: 300, add: [a] },
        { version: 'v1', effectiveFrom: 100, addresses: [a, b] },
        { version: 'v2', effectiveFrom: 200, addresses: [b] },
      ],
    })
    expect([150, 250, 350].map((t) => list.isSanctioned(a, t))).toEqual([true, false, true])
    expect(list.intervalsOf(a)).toHaveLength(2)
  })
  it('rejects malformed versions naming the field', () => {
    expect(() =>
      createSanctionsList({ name: 'x', versions: [{ version: 'v', effectiveFrom: 0, add: ['0x12'] }] }),
    ).toThrow(/versions\[0\]\.add\[0\]/)
  })
})
