/**
 * The hostile-input corpus: values that no public function should accept as-is, grouped by the
 * kind of parameter they are wrong for, plus values that are merely strange (a function may
 * accept them; if it throws, the error must still be clean).
 */
import fc from 'fast-check'

/** One hostile value and a short label for reports. */
export type HostileValue = { label: string; value: () => unknown }

/** What a parameter of a public function takes, as far as the corpus needs to know. */
export type ParamKind =
  | 'object'
  | 'string'
  | 'bigint'
  /** A decimal amount as a string or a number (`parseEra`, `parseUsd`). */
  | 'decimal'
  | 'number'
  | 'bytes'
  | 'array'
  | 'hex'
  | 'address'
  | 'tier'
  /** Anything is a valid input (e.g. `canonicalJson`, `describeValue`): nothing is surely bad. */
  | 'any'

const v = (label: string, value: () => unknown): HostileValue => ({ label, value })

/** An object nested `depth` levels deep (`{ a: { a: … } }`), built without recursion. */
export function deepObject(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { leaf: true }
  for (let i = 0; i < depth; i++) node = { a: node, items: [node] }
  return node
}

/** A deep JSON text (`[[[[…]]]]`), for file inputs. */
export function deepJsonText(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`
}

/** An object whose own keys try to reach `Object.prototype` when merged or spread. */
export function pollutingObject(): Record<string, unknown> {
  return JSON.parse(
    '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}',
  ) as Record<string, unknown>
}

function cyclic(): Record<string, unknown> {
  const o: Record<string, unknown> = { name: 'cycle' }
  o.self = o
  return o
}

const veryLong = () => 'x'.repeat(1_000_000)
const loneSurrogate = '\ud800\udfff\ud800'

/** Field names that public options objects use; the kitchen-sink object sets each to a hostile value. */
export const commonFields = [
  'amount',
  'value',
  'price',
  'to',
  'from',
  'sender',
  'recipient',
  'address',
  'token',
  'currency',
  'domain',
  'domainId',
  'name',
  'tier',
  'chainId',
  'rpcUrl',
  'nonce',
  'seed',
  'count',
  'limit',
  'decimals',
  'messages',
  'events',
  'transactions',
  'validators',
  'profile',
  'policy',
  'path',
  'file',
  'schema',
  'record',
  'fields',
  'data',
  'bytes',
] as const

const hostileFieldValues: unknown[] = [
  -1n,
  10n ** 80n,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '0xzz',
  'XXX',
  '',
  null,
  { __proto__: null },
  [Number.NaN],
  loneSurrogate,
]

/** An options object whose every common field holds a hostile value (negative amount, bad address, unknown currency, NaN, …). */
export function kitchenSink(offset = 0): Record<string, unknown> {
  return Object.fromEntries(
    commonFields.map((field, i) => [field, hostileFieldValues[(i + offset) % hostileFieldValues.length]]),
  )
}

const notObject: HostileValue[] = [
  v('null', () => null),
  v('number 42', () => 42),
  v('NaN', () => Number.NaN),
  v('-Infinity', () => Number.NEGATIVE_INFINITY),
  v('empty string', () => ''),
  v('string', () => 'options'),
  v('true', () => true),
  v('bigint', () => 10n ** 80n),
  v('array', () => []),
  v('symbol', () => Symbol('hostile')),
  v('function', () => () => 1),
]

/** Values that are surely wrong for a parameter of each kind (wrong JS type or an impossible value). */
export const surelyBad: Record<ParamKind, HostileValue[]> = {
  object: notObject,
  string: [
    v('null', () => null),
    v('number 42', () => 42),
    v('NaN', () => Number.NaN),
    v('object', () => ({})),
    v('array', () => ['a']),
    v('true', () => true),
    v('symbol', () => Symbol('hostile')),
    v('bigint', () => 7n),
  ],
  bigint: [
    v('null', () => null),
    v('NaN', () => Number.NaN),
    v('Infinity', () => Number.POSITIVE_INFINITY),
    v('fraction 1.5', () => 1.5),
    v('string abc', () => 'abc'),
    v('string 1e400', () => '1e400'),
    v('object', () => ({})),
    v('array', () => [1n]),
    v('symbol', () => Symbol('hostile')),
  ],
  decimal: [
    v('null', () => null),
    v('NaN', () => Number.NaN),
    v('Infinity', () => Number.POSITIVE_INFINITY),
    v('string abc', () => 'abc'),
    v('string NaN', () => 'NaN'),
    v('string 1e400', () => '1e400'),
    v('hex string', () => '0x10'),
    v('too many decimals', () => '1.0000000000000000000000001'),
    v('object', () => ({})),
    v('array', () => ['1']),
    v('bigint', () => 1n),
    v('symbol', () => Symbol('hostile')),
  ],
  number: [
    v('null', () => null),
    v('NaN', () => Number.NaN),
    v('Infinity', () => Number.POSITIVE_INFINITY),
    v('string abc', () => 'abc'),
    v('object', () => ({})),
    v('array', () => [1]),
    v('symbol', () => Symbol('hostile')),
  ],
  bytes: [
    v('null', () => null),
    v('number 42', () => 42),
    v('object', () => ({ length: 4 })),
    v('array of NaN', () => [Number.NaN, 1.5, -1, 300]),
    v('symbol', () => Symbol('hostile')),
  ],
  array: [
    v('null', () => null),
    v('number 42', () => 42),
    v('string', () => 'abc'),
    v('object', () => ({ length: 2 })),
    v('symbol', () => Symbol('hostile')),
  ],
  hex: [
    v('null', () => null),
    v('number 42', () => 42),
    v('non-hex 0xzz', () => '0xzz'),
    v('no 0x prefix', () => 'deadbeef'),
    v('object', () => ({})),
    v('odd-length 0x123', () => '0x123'),
  ],
  address: [
    v('null', () => null),
    v('number 42', () => 42),
    v('non-hex address', () => `0x${'g'.repeat(40)}`),
    v('short address', () => '0x1234'),
    v('long address', () => `0x${'1'.repeat(41)}`),
    v('empty string', () => ''),
    v('object', () => ({})),
  ],
  tier: [
    v('null', () => null),
    v('unknown tier', () => 'platinum'),
    v('empty string', () => ''),
    v('number 3', () => 3),
    v('prototype key toString', () => 'toString'),
    v('prototype key __proto__', () => '__proto__'),
    v('prototype key constructor', () => 'constructor'),
    v('upper case', () => 'FINANCIAL'),
  ],
  any: [],
}

/** Values that are strange but might be valid for some parameter: a throw must be clean, a return is fine. */
export const strange: HostileValue[] = [
  v('undefined', () => undefined),
  v('empty object', () => ({})),
  v('-0', () => -0),
  v('2^53+1', () => 2 ** 53 + 1),
  v('1e308', () => 1e308),
  v('-1n', () => -1n),
  // `addressSchema` accepts any case (and normalizes it), so a bad checksum is strange, not bad.
  v('address with a bad checksum', () => '0x52908400098527886e0F7030069857D2E4169EE7'),
  v('very long string', veryLong),
  v('lone surrogates', () => loneSurrogate),
  v('NUL and control chars', () => '\u0000\u0007\u001b[31m'),
  v('non-UTF-8 bytes', () => new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1])),
  v('deep object (10,000 levels)', () => deepObject(10_000)),
  v('prototype-polluting keys', pollutingObject),
  v('null-prototype object', () => Object.create(null)),
  v('cyclic object', cyclic),
  v('kitchen sink of hostile fields', () => kitchenSink(0)),
  v('kitchen sink (shifted)', () => kitchenSink(5)),
  v('Map', () => new Map([['amount', -1n]])),
  v('Date', () => new Date(Number.NaN)),
]

/** fast-check arbitrary of hostile JSON-ish values (used in soak mode for more inputs). */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileFieldValues),
  fc.double(),
  fc.bigInt(),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.constantFrom(...commonFields, '__proto__', 'constructor'),
    fc.constantFrom(...hostileFieldValues),
    {
      maxKeys: 8,
    },
  ),
)

/** Bad text files for commands that read a file. */
export const hostileFiles: { label: string; name: string; content: string | Uint8Array }[] = [
  { label: 'empty file', name: 'empty.json', content: '' },
  { label: 'truncated JSON', name: 'truncated.json', content: '{"tier": "financial", "validators": [{"addr' },
  { label: 'deep JSON (100,000 levels)', name: 'deep.json', content: deepJsonText(100_000) },
  {
    label: 'wrong-schema JSON',
    name: 'wrong-schema.json',
    content: '{"tier": 42, "amount": "-1", "currency": "XXX"}',
  },
  { label: 'JSON array instead of object', name: 'array.json', content: '[1, 2, 3]' },
  { label: 'JSON null', name: 'null.json', content: 'null' },
  {
    label: 'prototype-polluting JSON',
    name: 'pollute.json',
    content: '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}',
  },
  {
    label: 'non-UTF-8 bytes',
    name: 'binary.bin',
    content: new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0]),
  },
  {
    label: 'truncated JSONL',
    name: 'truncated.jsonl',
    content:
      '{"domain":"payments","token":"0x0000000000000000000000000000000000000001","amount":"5","at":1}\n{"domain":"pay',
  },
  {
    label: 'JSONL with NaN and negative amounts',
    name: 'hostile.jsonl',
    content: '{"amount": NaN}\n{"amount": "-1", "from": "0xzz", "currency": "XXX"}\n',
  },
  {
    label: 'truncated CSV',
    name: 'truncated.csv',
    content: 'id,from,to,amount,currency,timestamp\n1,0xabc,0xdef,100,US',
  },
  {
    label: 'CSV with hostile cells',
    name: 'hostile.csv',
    content: `id,from,to,amount,currency,timestamp\n1,0xzz,,-5,XXX,NaN\n2,${'9'.repeat(400)},0x1,1e999,USD,-1\n`,
  },
  { label: 'very long single line', name: 'long.txt', content: 'a'.repeat(5_000_000) },
]
