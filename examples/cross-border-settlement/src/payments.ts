import type { Address } from 'viem'

/** A bank on the settlement domain. */
export type Bank = { id: 'BANK-EU' | 'BANK-US'; name: string; bic: string; lei: string; country: string }

export const banks: Record<Bank['id'], Bank> = {
  'BANK-EU': {
    id: 'BANK-EU',
    name: 'Deutsche Bank AG',
    bic: 'DEUTDEFF',
    lei: '7LTWFZYICNSX8D621K86',
    country: 'DE',
  },
  'BANK-US': {
    id: 'BANK-US',
    name: 'JPMorgan Chase Bank, N.A.',
    bic: 'CHASUS33',
    lei: '7H6GLXDRUGQFU57RNE97',
    country: 'US',
  },
}

/** A customer of a bank, with the wallet the domain screens. */
export type Customer = {
  bank: Bank['id']
  lastName: string
  firstName?: string
  company?: string
  wallet: Address
}

/** A customer payment of the business day (amount in cents of `currency`). */
export type Payment = {
  id: string
  from: Customer
  to: Customer
  currency: 'EUR' | 'USD'
  amount: bigint
  at: number
}

/** 2025-02-19 00:00 UTC: the business day settled. */
export const businessDay = 1_739_923_200

const c = (bank: Bank['id'], name: string, wallet: string, company = false): Customer =>
  company
    ? { bank, lastName: name, company: name, wallet: wallet as Address }
    : { bank, lastName: name.split(' ')[1]!, firstName: name.split(' ')[0]!, wallet: wallet as Address }

const anna = c('BANK-EU', 'Anna Schmidt', '0x1111111111111111111111111111111111111111')
const werk = c('BANK-EU', 'Maschinenwerk Ulm GmbH', '0x2222222222222222222222222222222222222222', true)
const bob = c('BANK-US', 'Bob Miller', '0x3333333333333333333333333333333333333333')
const acme = c('BANK-US', 'Acme Tools Inc', '0x4444444444444444444444444444444444444444', true)
/** An address on the OFAC SDN list on the business day (Tornado Cash donation address, delisted in March 2025). */
const listed = c('BANK-US', 'Unknown Beneficiary', '0x8589427373D6D84E98730D7795D8f6f8731FDA16', true)

const h = (hours: number) => businessDay + hours * 3600

/** The day's payments: both banks pay each other in both currencies, one beneficiary is sanctioned. */
export const payments: Payment[] = [
  { id: 'PMT-001', from: werk, to: acme, currency: 'USD', amount: 48_250_00n, at: h(8) },
  { id: 'PMT-002', from: acme, to: werk, currency: 'EUR', amount: 12_900_00n, at: h(9) },
  { id: 'PMT-003', from: anna, to: bob, currency: 'EUR', amount: 850_00n, at: h(9.5) },
  { id: 'PMT-004', from: bob, to: anna, currency: 'EUR', amount: 2_400_00n, at: h(10) },
  { id: 'PMT-005', from: werk, to: listed, currency: 'USD', amount: 9_990_00n, at: h(11) },
  { id: 'PMT-006', from: acme, to: werk, currency: 'USD', amount: 15_000_00n, at: h(12) },
  { id: 'PMT-007', from: werk, to: acme, currency: 'EUR', amount: 7_300_00n, at: h(13) },
  { id: 'PMT-008', from: bob, to: werk, currency: 'EUR', amount: 31_000_00n, at: h(14) },
  { id: 'PMT-009', from: anna, to: acme, currency: 'USD', amount: 1_200_00n, at: h(15) },
  { id: 'PMT-010', from: acme, to: anna, currency: 'USD', amount: 640_00n, at: h(16) },
]
