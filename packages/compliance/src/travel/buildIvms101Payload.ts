import { parse } from '@caldera/core'
import { check, inputSchemas } from '../internal/inputs.js'
import { type Ivms101Payload, type IvmsAddress, type IvmsPerson, ivms101Schema } from './ivms101Schema.js'

/** A natural person, in plain terms. */
export type NaturalPersonInput = {
  type: 'natural'
  /** Family name (IVMS101 primaryIdentifier). */
  lastName: string
  /** Given names (secondaryIdentifier). */
  firstName?: string
  address?: IvmsAddress
  dateOfBirth?: string
  placeOfBirth?: string
  nationalId?: {
    id: string
    type: 'ARNU' | 'CCPT' | 'RAID' | 'DRLC' | 'FIIN' | 'TXID' | 'SOCS' | 'IDCD' | 'MISC'
    country?: string
  }
  customerId?: string
  countryOfResidence?: string
}

/** A legal person (company, VASP), in plain terms. */
export type LegalPersonInput = {
  type: 'legal'
  name: string
  tradingName?: string
  /** ISO 17442 Legal Entity Identifier. */
  lei?: string
  address?: IvmsAddress
  customerNumber?: string
  countryOfRegistration?: string
}

export type PartyInput = NaturalPersonInput | LegalPersonInput

export type BuildIvms101PayloadParameters = {
  originator: PartyInput & { accountNumber?: string }
  beneficiary: PartyInput & { accountNumber?: string }
  originatingVasp: Omit<LegalPersonInput, 'type'>
  beneficiaryVasp?: Omit<LegalPersonInput, 'type'>
}

function person(p: PartyInput): IvmsPerson {
  if (p.type === 'natural')
    return {
      naturalPerson: {
        name: {
          nameIdentifier: [
            {
              primaryIdentifier: p.lastName,
              ...(p.firstName !== undefined ? { secondaryIdentifier: p.firstName } : {}),
              nameIdentifierType: 'LEGL',
            },
          ],
        },
        ...(p.address ? { geographicAddress: [p.address] } : {}),
        ...(p.nationalId
          ? {
              nationalIdentification: {
                nationalIdentifier: p.nationalId.id,
                nationalIdentifierType: p.nationalId.type,
                ...(p.nationalId.country ? { countryOfIssue: p.nationalId.country } : {}),
              },
            }
          : {}),
        ...(p.customerId !== undefined ? { customerIdentification: p.customerId } : {}),
        ...(p.dateOfBirth !== undefined || p.placeOfBirth !== undefined
          ? { dateAndPlaceOfBirth: { dateOfBirth: p.dateOfBirth ?? '', placeOfBirth: p.placeOfBirth ?? '' } }
          : {}),
        ...(p.countryOfResidence ? { countryOfResidence: p.countryOfResidence } : {}),
      },
    }
  return {
    legalPerson: {
      name: {
        nameIdentifier: [
          { legalPersonName: p.name, legalPersonNameIdentifierType: 'LEGL' },
          ...(p.tradingName
            ? [{ legalPersonName: p.tradingName, legalPersonNameIdentifierType: 'TRAD' as const }]
            : []),
        ],
      },
      ...(p.address ? { geographicAddress: [p.address] } : {}),
      ...(p.customerNumber !== undefined ? { customerNumber: p.customerNumber } : {}),
      ...(p.lei !== undefined
        ? { nationalIdentification: { nationalIdentifier: p.lei, nationalIdentifierType: 'LEIX' } }
        : {}),
      ...(p.countryOfRegistration ? { countryOfRegistration: p.countryOfRegistration } : {}),
    },
  }
}

/**
 * Builds an IVMS101 travel rule payload from plain party descriptions and validates it against
 * the IVMS101 data model and constraints (LEGL names, address rule C8, LEI check digits, a
 * natural originator's identifying data C1, dates of birth in the past).
 *
 * @returns The payload, ready to send to the beneficiary VASP.
 * @throws ValidationError naming every bad field.
 *
 * @example
 * import { buildIvms101Payload } from '@caldera/compliance'
 * const payload = buildIvms101Payload({
 *   originator: { type: 'natural', lastName: 'Lovelace', firstName: 'Ada', customerId: 'C-1', accountNumber: '0xabc…' },
 *   beneficiary: { type: 'legal', name: 'Example GmbH', accountNumber: '0xdef…' },
 *   originatingVasp: { name: 'Caldera Exchange Ltd', lei: '5493001KJTIIGC8Y1R12' },
 * })
 */
export function buildIvms101Payload(parameters: BuildIvms101PayloadParameters): Ivms101Payload {
  check(inputSchemas.ivms, parameters, 'IVMS101 payload parameters')
  const { originator, beneficiary, originatingVasp, beneficiaryVasp } = parameters
  const payload = {
    originator: {
      originatorPersons: [person(originator)],
      ...(originator.accountNumber ? { accountNumber: [originator.accountNumber] } : {}),
    },
    beneficiary: {
      beneficiaryPersons: [person(beneficiary)],
      ...(beneficiary.accountNumber ? { accountNumber: [beneficiary.accountNumber] } : {}),
    },
    originatingVASP: { originatingVASP: person({ type: 'legal', ...originatingVasp }) },
    ...(beneficiaryVasp
      ? { beneficiaryVASP: { beneficiaryVASP: person({ type: 'legal', ...beneficiaryVasp }) } }
      : {}),
  }
  return validateIvms101Payload(payload)
}

/**
 * Validates an IVMS101 payload received from another VASP.
 *
 * @example
 * import { validateIvms101Payload } from '@caldera/compliance'
 * const payload = validateIvms101Payload(JSON.parse(body))
 */
export function validateIvms101Payload(payload: unknown): Ivms101Payload {
  return parse(ivms101Schema, payload, 'IVMS101 payload')
}
