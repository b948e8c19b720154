const MAX_LENGTH = 60

/**
 * Describes a value for an error message: a short rendering plus its type, e.g.
 * `-5 (number)`, `"abc" (string)`, `12n (bigint)`, `nothing (undefined)`.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (undefined)'
  if (value === null) return 'null'
  if (typeof value === 'bigint') return `${truncate(value.toString())}n (bigint)`
  if (typeof value === 'string') return `${truncate(JSON.stringify(value))} (string)`
  if (typeof value === 'number' || typeof value === 'boolean') return `${value} (${typeof value})`
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'object') {
    let text: string
    try {
      text = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))
    } catch {
      text = '[object]'
    }
    return `${truncate(text)} (object)`
  }
  return typeof value
}

function truncate(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text
}
