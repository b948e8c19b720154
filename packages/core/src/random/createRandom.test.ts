import { describe, expect, it } from 'vitest'
import { ValidationError } from '../errors/validation.js'
import { createRandom } from './createRandom.js'

describe('createRandom', () => {
  it('gives the same sequence for the same seed, numeric or string', () => {
    const a = createRandom(1)
    const b = createRandom(1)
    const drawn = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(drawn)
    expect(new Set(drawn).size).toBe(5)
    expect(createRandom('seed').int(1, 1_000_000)).toBe(createRandom('seed').int(1, 1_000_000))
    expect(createRandom(2).next()).not.toBe(createRandom(1).next())
  })

  it('pins the sequence, so a run is reproduced from its seed on any machine and release', () => {
    const r = createRandom(42)
    expect([r.next(), r.next(), r.next()].map((x) => x.toFixed(12))).toMatchInlineSnapshot(`
      [
        "0.846346891951",
        "0.937486653682",
        "0.121670783032",
      ]
    `)
    expect(createRandom('drill').bytes32()).toMatchInlineSnapshot(
      `"0x4973be0368b981c165dc7bb9b2d3c5e723e610ae864e6793bf9ffe80adab8949"`,
    )
  })

  it('gives forks independent, stable sequences', () => {
    const r = createRandom(1)
    expect(r.fork('a').next()).toBe(createRandom(1).fork('a').next())
    expect(r.fork('a').next()).not.toBe(r.fork('b').next())
    // Forking does not advance the parent.
    const s = createRandom(1)
    s.fork('a')
    expect(s.next()).toBe(createRandom(1).next())
  })

  it('draws within range and with the stated distributions', () => {
    const r = createRandom(7)
    const n = 20_000
    const ints = Array.from({ length: n }, () => r.int(1, 6))
    expect(Math.min(...ints)).toBe(1)
    expect(Math.max(...ints)).toBe(6)
    const uniform = Array.from({ length: n }, () => r.next())
    expect(uniform.every((x) => x >= 0 && x < 1)).toBe(true)
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
    expect(mean(uniform)).toBeCloseTo(0.5, 1)
    expect(mean(Array.from({ length: n }, () => r.exponential(10)))).toBeGreaterThan(9.5)
    expect(mean(Array.from({ length: n }, () => r.exponential(10)))).toBeLessThan(10.5)
    const logNormal = Array.from({ length: n }, () => r.logNormal(100, 0.5)).sort((x, y) => x - y)
    expect(logNormal[n / 2]!).toBeGreaterThan(95)
    expect(logNormal[n / 2]!).toBeLessThan(105)
    const pareto = Array.from({ length: n }, () => r.pareto(1_000, 1.5))
    expect(Math.min(...pareto)).toBeGreaterThanOrEqual(1_000)
    expect(r.pick(['x'])).toBe('x')
    expect(r.bytes32()).toMatch(/^0x[0-9a-f]{64}$/)
  })

  it('refuses a seed that is not an integer or a string, naming it', () => {
    expect(() => createRandom(1.5)).toThrow(ValidationError)
    expect(() => createRandom(Number.NaN)).toThrow(/seed/)
    expect(() => createRandom({} as never)).toThrow(/seed/)
  })
})
