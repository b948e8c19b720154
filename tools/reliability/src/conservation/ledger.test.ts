import { describe, expect, it } from 'vitest'
import { type ChannelLedger, checkConservation, type Ledger } from './ledger.js'

const T = 10n ** 18n

function channel(overrides: Partial<ChannelLedger> = {}): ChannelLedger {
  return {
    locked: 0n,
    released: 0n,
    held: 0n,
    refunded: 0n,
    balance: 1_000n * T,
    liquidity: 1_000n * T,
    isolated: false,
    paused: {},
    heldByEvents: 0n,
    heldReleasedByEvents: 0n,
    heldRefundedByEvents: 0n,
    ...overrides,
  }
}

/**
 * A consistent ledger: light sent 100 (delivered on financial) and held 1,500, of which 300 were
 * refunded and 200 released (the second message, in flight); 1,000 are still held.
 */
function consistent(): Ledger {
  return {
    channels: {
      light: channel({
        locked: 100n * T + 1_500n * T,
        held: 1_000n * T,
        refunded: 300n * T,
        heldByEvents: 1_500n * T,
        heldReleasedByEvents: 200n * T,
        heldRefundedByEvents: 300n * T,
        balance: 1_000n * T + 1_600n * T - 300n * T,
      }),
      financial: channel({ released: 100n * T, balance: 900n * T }),
    },
    sent: [
      { source: 'light', destination: 'financial', nonce: 1n, amount: 100n * T },
      { source: 'light', destination: 'financial', nonce: 2n, amount: 200n * T },
    ],
    deliveries: [{ source: 'light', destination: 'financial', nonce: 1n, amount: 100n * T }],
    executed: { 'light>financial#1': true, 'light>financial#2': false },
  }
}

describe('checkConservation', () => {
  it('accepts a consistent ledger and reports what is in flight', () => {
    const result = checkConservation(consistent())
    expect(result.problems).toEqual([])
    expect(result.valueLost).toBe(0n)
    expect(result.duplicates).toBe(0)
    expect(result.inFlight).toEqual({ light: 200n * T })
  })

  it('finds value locked but neither delivered, held, refunded nor in flight', () => {
    const ledger = consistent()
    // The in-flight message is marked executed on the destination without any delivery: value vanished.
    ledger.executed['light>financial#2'] = true
    const result = checkConservation(ledger)
    expect(result.valueLost).toBe(200n * T)
    expect(result.problems.join('\n')).toMatch(/executed flag true but no delivery event/)
    expect(result.problems.join('\n')).toMatch(/light: locked .* ≠ delivered/)
  })

  it('finds a message executed twice', () => {
    const ledger = consistent()
    ledger.deliveries.push({ source: 'light', destination: 'financial', nonce: 1n, amount: 100n * T })
    ledger.channels.financial = channel({ released: 200n * T, balance: 800n * T })
    const result = checkConservation(ledger)
    expect(result.duplicates).toBe(1)
    expect(result.valueLost).toBe(100n * T)
    expect(result.problems).toContain('message light>financial#1 delivered 2 times')
  })

  it('finds a delivery for another amount than was sent, and one never sent', () => {
    const ledger = consistent()
    ledger.deliveries[0]!.amount = 90n * T
    ledger.deliveries.push({ source: 'light', destination: 'financial', nonce: 9n, amount: 1n })
    const problems = checkConservation(ledger).problems.join('\n')
    expect(problems).toMatch(/sent with 100000000000000000000 but delivered with 90000000000000000000/)
    expect(problems).toMatch(/light>financial#9 delivered but never sent/)
  })

  it('finds counters that disagree with the token balance or the held-transfer events', () => {
    const ledger = consistent()
    ledger.channels.light!.balance -= 1n
    ledger.channels.light!.heldRefundedByEvents = 0n
    const problems = checkConservation(ledger).problems.join('\n')
    expect(problems).toMatch(/light: token balance/)
    expect(problems).toMatch(/light: totalHeld .* by events/)
    expect(problems).toMatch(/light: totalRefunded .* ≠ refund events 0/)
  })
})
