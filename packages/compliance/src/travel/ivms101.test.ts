import { describe, expect, it } from 'vitest'
import { buildIvms101Payload, validateIvms101Payload } from './buildIvms101Payload.js'
import { isValidLei } from './ivms101Schema.js'
import { travelRuleApplies } from './travelRulePolicy.js'

const vasp = {
  name: 'Caldera Exchange Ltd',
  lei: '5493001KJTIIGC8Y1R12',
  countryOfRegistration: 'DE',
  address: {
    addressType: 'BIZZ' as const,
    streetName: 'Unter den Linden',
    buildingNumber: '1',
    postCode: '10117',
    townName: 'Berlin',
    country: 'DE',
  },
}

describe('IVMS101', () => {
  it('builds a valid payload for a natural originator and a legal beneficiary', () => {
    const payload = buildIvms101Payload({
      originator: {
        type: 'natural',
        lastName: 'Lovelace',
        firstName: 'Ada',
        dateOfBirth: '1815-12-10',
        placeOfBirth: 'London',
        accountNumber: '0x00000000000000000000000000000000000000a1',
      },
      beneficiary: {
        type: 'legal',
        name: 'Example GmbH',
        accountNumber: '0x00000000000000000000000000000000000000b2',
      },
      originatingVasp: vasp,
      beneficiaryVasp: { name: 'Other VASP SA', countryOfRegistration: 'FR' },
    })
    expect(payload.originator.originatorPersons[0]).toEqual({
      naturalPerson: {
        name: {
          nameIdentifier: [
            { primaryIdentifier: 'Lovelace', secondaryIdentifier: 'Ada', nameIdentifierType: 'LEGL' },
          ],
        },
        dateAndPlaceOfBirth: { dateOfBirth: '1815-12-10', placeOfBirth: 'London' },
      },
    })
    expect(payload.originatingVASP.originatingVASP.legalPerson.nationalIdentification).toEqual({
      nationalIdentifier: '5493001KJTIIGC8Y1R12',
      nationalIdentifierType: 'LEIX',
    })
    expect(validateIvms101Payload(JSON.parse(JSON.stringify(payload)))).toEqual(payload)
  })

  it('rejects payloads that break the IVMS101 constraints, naming the field', () => {
    const base = {
      originator: { type: 'natural' as const, lastName: 'Doe', customerId: 'C-1' },
      beneficiary: { type: 'natural' as const, lastName: 'Roe' },
      originatingVasp: vasp,
    }
    expect(() =>
      buildIvms101Payload({ ...base, originatingVasp: { ...vasp, lei: '5493001KJTIIGC8Y1R13' } }),
    ).toThrow(
      /originatingVASP\.originatingVASP\.legalPerson\.nationalIdentification\.nationalIdentifier: expected a valid ISO 17442 LEI/,
    )
    expect(() => buildIvms101Payload({ ...base, originator: { type: 'natural', lastName: 'Doe' } })).toThrow(
      /IVMS101 C1/,
    )
    expect(() =>
      buildIvms101Payload({
        ...base,
        originator: { ...base.originator, dateOfBirth: '2999-01-01', placeOfBirth: 'Mars' },
      }),
    ).toThrow(/dateOfBirth: expected a date in the past/)
    expect(() =>
      buildIvms101Payload({
        ...base,
        originatingVasp: { ...vasp, address: { ...vasp.address, buildingNumber: undefined } as never },
      }),
    ).toThrow(/IVMS101 C8/)
    expect(() =>
      validateIvms101Payload({
        originator: {
          originatorPersons: [
            {
              naturalPerson: {
                name: { nameIdentifier: [{ primaryIdentifier: 'X', nameIdentifierType: 'ALIA' }] },
                customerIdentification: 'c',
              },
            },
          ],
        },
        beneficiary: { beneficiaryPersons: [] },
        originatingVASP: {
          originatingVASP: {
            legalPerson: {
              name: { nameIdentifier: [{ legalPersonName: 'V', legalPersonNameIdentifierType: 'LEGL' }] },
            },
          },
        },
      }),
    ).toThrow(/2 problems/)
    expect(() =>
      buildIvms101Payload({
        ...base,
        beneficiary: { type: 'legal', name: 'X', countryOfRegistration: 'Germany' },
      }),
    ).toThrow(/countryOfRegistration: expected an ISO 3166-1 alpha-2 country code/)
  })

  it('checks LEI check digits', () => {
    expect(isValidLei('5493001KJTIIGC8Y1R12')).toBe(true)
    expect(isValidLei('5493001KJTIIGC8Y1R21')).toBe(false)
    expect(isValidLei('short')).toBe(false)
  })
})

describe('travel rule thresholds', () => {
  const usd = (d: number) => BigInt(d) * 1_000_000n
  it('FATF 1,000; US 3,000; EU from the first unit', () => {
    expect(travelRuleApplies({ jurisdiction: 'FATF', usd: usd(999) }).required).toBe(false)
    expect(travelRuleApplies({ jurisdiction: 'FATF', usd: usd(1_000) }).required).toBe(true)
    expect(travelRuleApplies({ jurisdiction: 'US', usd: usd(2_999) }).required).toBe(false)
    expect(travelRuleApplies({ jurisdiction: 'US', usd: usd(3_000) }).required).toBe(true)
    expect(travelRuleApplies({ jurisdiction: 'EU', usd: 1n }).required).toBe(true)
    expect(travelRuleApplies({ jurisdiction: 'EU', usd: 0n }).required).toBe(false)
    expect(travelRuleApplies({ jurisdiction: 'US', usd: usd(5_000) }).reason).toMatch(/31 CFR 1010\.410/)
  })
  it('rejects an unknown jurisdiction', () => {
    expect(() => travelRuleApplies({ jurisdiction: 'XX' as never, usd: 1n })).toThrow(/jurisdiction/)
  })
})
