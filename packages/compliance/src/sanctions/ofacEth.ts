import { ofacEthSnapshotAddresses } from '../data/ofacEthSnapshot.js'
import { createSanctionsList, type SanctionsList, type SanctionsListVersion } from './sanctionsList.js'

/** 2025-01-01T00:00:00Z: the date the bundled snapshot is taken to be in force from. */
const SNAPSHOT_EFFECTIVE = 1735689600
/** 2025-03-21T00:00:00Z: Treasury removed the Tornado Cash addresses from the SDN list. */
const TORNADO_DELISTING = 1742515200

/**
 * The versions of the bundled OFAC list of Ethereum addresses:
 * - `ofac-sdn-eth@0650c71e`: the 147-address snapshot (source commit 0650c71e of
 *   0xB10C/ofac-sanctioned-digital-currency-addresses), in force from 2025-01-01;
 * - `ofac-sdn-eth@2025-03-21-tornado-delisting`: removes the Tornado Cash contracts
 *   (pools, router, donation address) that this snapshot still lists, from 2025-03-21.
 *
 * Add your own newer versions (`createSanctionsList({ versions: [...ofacEthVersions, mine] })`).
 */
export const ofacEthVersions: readonly SanctionsListVersion[] = [
  {
    version: 'ofac-sdn-eth@0650c71e',
    effectiveFrom: SNAPSHOT_EFFECTIVE,
    addresses: [...ofacEthSnapshotAddresses],
    source:
      'github.com/0xB10C/ofac-sanctioned-digital-currency-addresses@0650c71e sanctioned_addresses_ETH.txt',
  },
  {
    version: 'ofac-sdn-eth@2025-03-21-tornado-delisting',
    effectiveFrom: TORNADO_DELISTING,
    remove: [
      '0x12D66f87A04A9E220743712cE6d9bB1B5616B8Fc',
      '0x47CE0C6eD5B0Ce3d3A51fdb1C52DC66a7c3c2936',
      '0x910Cbd523D972eb0a6f4cAe4618aD62622b39DbF',
      '0xA160cdAB225685dA1d56aa342Ad8841c3b53f291',
      '0x722122dF12D4e14e13Ac3b6895a86e84145b6967',
      '0xd90e2f925DA726b50C4Ed8D0Fb90Ad053324F31b',
      '0x8589427373D6D84E98730D7795D8f6f8731FDA16',
    ],
    source:
      'U.S. Treasury, Tornado Cash delisting of 2025-03-21 (contracts of this snapshot identified as Tornado Cash)',
  },
]

/**
 * The bundled, versioned OFAC list of sanctioned Ethereum addresses.
 *
 * @example
 * import { ofacEthList } from '@caldera/compliance'
 * const list = ofacEthList()
 * list.isSanctioned('0x8589427373D6D84E98730D7795D8f6f8731FDA16', 1740000000) // true (before delisting)
 */
export function ofacEthList(): SanctionsList {
  return createSanctionsList({ name: 'OFAC SDN (ETH)', versions: ofacEthVersions })
}
