import { z } from 'zod'

// IVMS 101 (interVASP Messaging Standard, 2020) data model: the types and constraints that the
// travel rule payload must satisfy. Field names follow the standard's JSON binding.

const country = z.string().regex(/^[A-Z]{2}$/, { message: 'an ISO 3166-1 alpha-2 country code, e.g. "DE"' })
const text = (max: number) => z.string().trim().min(1).max(max)

/** IVMS101 national identifier types. */
export const nationalIdentifierTypes = [
  'ARNU',
  'CCPT',
  'RAID',
  'DRLC',
  'FIIN',
  'TXID',
  'SOCS',
  'IDCD',
  'LEIX',
  'MISC',
] as const

/**
 * Checks an ISO 17442 LEI: 18 alphanumerics and 2 check digits (ISO 7064 mod 97-10).
 *
 * @example
 * import { isValidLei } from '@caldera/compliance'
 * isValidLei('5493001KJTIIGC8Y1R12') // true
 */
export function isValidLei(lei: string): boolean {
  if (typeof lei !== 'string' || !/^[A-Z0-9]{18}[0-9]{2}$/.test(lei)) return false
  const digits = lei.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))
  let rem = 0
  for (const d of digits) rem = (rem * 10 + Number(d)) % 97
  return rem === 1
}

export const ivmsAddressSchema = z
  .object({
    addressType: z.enum(['HOME', 'BIZZ', 'GEOG']),
    department: text(50).optional(),
    subDepartment: text(70).optional(),
    streetName: text(70).optional(),
    buildingNumber: text(16).optional(),
    buildingName: text(35).optional(),
    floor: text(70).optional(),
    postBox: text(16).optional(),
    room: text(70).optional(),
    postCode: text(16).optional(),
    townName: text(35),
    townLocationName: text(35).optional(),
    districtName: text(35).optional(),
    countrySubDivision: text(35).optional(),
    addressLine: z.array(text(70)).max(7).optional(),
    country,
  })
  .refine(
    (a) =>
      (a.addressLine?.length ?? 0) > 0 ||
      (a.streetName !== undefined && (a.buildingNumber ?? a.buildingName) !== undefined),
    {
      message: 'an addressLine, or a streetName with a buildingNumber or buildingName (IVMS101 C8)',
    },
  )

export const nationalIdentificationSchema = z
  .object({
    nationalIdentifier: text(35),
    nationalIdentifierType: z.enum(nationalIdentifierTypes),
    countryOfIssue: country.optional(),
    registrationAuthority: z
      .string()
      .regex(/^RA\d{6}$/, { message: 'a GLEIF registration authority code, e.g. RA000001' })
      .optional(),
  })
  .refine((n) => n.nationalIdentifierType !== 'LEIX' || isValidLei(n.nationalIdentifier), {
    message: 'a valid ISO 17442 LEI when the type is LEIX (IVMS101 C11)',
    path: ['nationalIdentifier'],
  })

export const naturalPersonSchema = z.object({
  name: z.object({
    nameIdentifier: z
      .array(
        z.object({
          primaryIdentifier: text(100),
          secondaryIdentifier: text(100).optional(),
          nameIdentifierType: z.enum(['ALIA', 'BIRT', 'MAID', 'LEGL', 'MISC']),
        }),
      )
      .min(1)
      .refine((names) => names.some((n) => n.nameIdentifierType === 'LEGL'), {
        message: 'at least one name of type LEGL (IVMS101 C6)',
      }),
  }),
  geographicAddress: z.array(ivmsAddressSchema).optional(),
  nationalIdentification: nationalIdentificationSchema
    .refine((n) => n.nationalIdentifierType !== 'LEIX', {
      message: 'not an LEI for a natural person (IVMS101 C10)',
    })
    .optional(),
  customerIdentification: text(50).optional(),
  dateAndPlaceOfBirth: z
    .object({
      dateOfBirth: z.iso
        .date()
        .refine((d) => Date.parse(d) < Date.now(), { message: 'a date in the past (IVMS101 C2)' }),
      placeOfBirth: text(70),
    })
    .optional(),
  countryOfResidence: country.optional(),
})

export const legalPersonSchema = z.object({
  name: z.object({
    nameIdentifier: z
      .array(
        z.object({
          legalPersonName: text(100),
          legalPersonNameIdentifierType: z.enum(['LEGL', 'SHRT', 'TRAD']),
        }),
      )
      .min(1)
      .refine((names) => names.some((n) => n.legalPersonNameIdentifierType === 'LEGL'), {
        message: 'at least one name of type LEGL (IVMS101 C5)',
      }),
  }),
  geographicAddress: z.array(ivmsAddressSchema).optional(),
  customerNumber: text(50).optional(),
  nationalIdentification: nationalIdentificationSchema
    .refine((n) => ['RAID', 'MISC', 'LEIX', 'TXID'].includes(n.nationalIdentifierType), {
      message: 'a RAID, MISC, LEIX or TXID identifier for a legal person (IVMS101 C7)',
    })
    .optional(),
  countryOfRegistration: country.optional(),
})

/** A person: natural or legal (exactly one). */
export const ivmsPersonSchema = z.union([
  z.object({ naturalPerson: naturalPersonSchema }).strict(),
  z.object({ legalPerson: legalPersonSchema }).strict(),
])

/** A VASP is a legal person. */
const vaspPersonSchema = z.object({ legalPerson: legalPersonSchema }).strict()

const originatorPersonSchema = ivmsPersonSchema.refine(
  (p) =>
    !('naturalPerson' in p) ||
    (p.naturalPerson.geographicAddress?.length ?? 0) > 0 ||
    p.naturalPerson.customerIdentification !== undefined ||
    p.naturalPerson.nationalIdentification !== undefined ||
    p.naturalPerson.dateAndPlaceOfBirth !== undefined,
  {
    message:
      'an address, customer identification, national identification or date and place of birth for a natural originator (IVMS101 C1)',
  },
)

/** The IVMS101 travel rule payload: originator, beneficiary and both VASPs. */
export const ivms101Schema = z.object({
  originator: z.object({
    originatorPersons: z.array(originatorPersonSchema).min(1),
    accountNumber: z.array(text(100)).optional(),
  }),
  beneficiary: z.object({
    beneficiaryPersons: z.array(ivmsPersonSchema).min(1),
    accountNumber: z.array(text(100)).optional(),
  }),
  originatingVASP: z.object({ originatingVASP: vaspPersonSchema }),
  beneficiaryVASP: z.object({ beneficiaryVASP: vaspPersonSchema }).optional(),
  transferPath: z
    .object({
      transferPath: z.array(
        z.object({ intermediaryVASP: vaspPersonSchema, sequence: z.number().int().nonnegative() }),
      ),
    })
    .optional(),
  payloadMetadata: z
    .object({
      transliterationMethod: z.array(
        z.enum([
          'arab',
          'aran',
          'armn',
          'cyrs',
          'deva',
          'geor',
          'grek',
          'hani',
          'hebr',
          'kana',
          'kore',
          'thai',
          'othr',
        ]),
      ),
    })
    .optional(),
})
export type Ivms101Payload = z.infer<typeof ivms101Schema>
export type IvmsPerson = z.infer<typeof ivmsPersonSchema>
export type IvmsAddress = z.infer<typeof ivmsAddressSchema>
