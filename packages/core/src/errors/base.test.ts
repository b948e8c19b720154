import { describe, expect, it } from 'vitest'
import { CalderaError } from './base.js'

class RpcDownError extends CalderaError {
  override name = 'RpcDownError'
}

describe('CalderaError', () => {
  it('prints the short message, meta lines, what to do and details', () => {
    const error = new CalderaError('Domain cannot activate.', {
      metaMessages: ['299 of 300 validators meet the financial profile.'],
      hint: 'Register more validators, then activate again.',
      details: 'domain payments-eu',
    })
    expect(error.message).toMatchInlineSnapshot(`
      "Domain cannot activate.

      299 of 300 validators meet the financial profile.

      What to do: Register more validators, then activate again.

      Details: domain payments-eu"
    `)
    expect(error.shortMessage).toBe('Domain cannot activate.')
    expect(error.version).toMatch(/^@caldera\/core@/)
  })

  it('walks the cause chain', () => {
    const root = new RpcDownError('RPC down.')
    const top = new CalderaError('Send failed.', {
      cause: new CalderaError('Retry failed.', { cause: root }),
    })
    expect(top.walk()).toBe(root)
    expect(top.walk((e) => e instanceof RpcDownError)).toBe(root)
    expect(top.walk((e) => e instanceof TypeError)).toBeNull()
    expect(top.details).toBe('RPC down.')
  })
})
