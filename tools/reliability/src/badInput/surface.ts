/**
 * The public surface under test: every entry point of every published package, enumerated at
 * run time, so a new export is driven (or must be listed) without editing this file.
 */

/** Every published entry point and the package that owns it. */
export const entryPoints = [
  { specifier: '@caldera/core', load: () => import('@caldera/core') },
  { specifier: '@caldera/core/cli', load: () => import('@caldera/core/cli') },
  { specifier: '@caldera/contracts', load: () => import('@caldera/contracts') },
  { specifier: '@caldera/devnet', load: () => import('@caldera/devnet') },
  { specifier: '@caldera/devnet/cli', load: () => import('@caldera/devnet/cli') },
  { specifier: '@caldera/risk-domain', load: () => import('@caldera/risk-domain') },
  { specifier: '@caldera/risk-domain/node', load: () => import('@caldera/risk-domain/node') },
  { specifier: '@caldera/risk-domain/cli', load: () => import('@caldera/risk-domain/cli') },
  { specifier: '@caldera/circuit-breaker', load: () => import('@caldera/circuit-breaker') },
  { specifier: '@caldera/circuit-breaker/cli', load: () => import('@caldera/circuit-breaker/cli') },
  { specifier: '@caldera/compliance', load: () => import('@caldera/compliance') },
  { specifier: '@caldera/compliance/cli', load: () => import('@caldera/compliance/cli') },
  { specifier: '@caldera/zk', load: () => import('@caldera/zk') },
  { specifier: '@caldera/zk/node', load: () => import('@caldera/zk/node') },
  { specifier: '@caldera/zk/cli', load: () => import('@caldera/zk/cli') },
  { specifier: '@caldera/privacy-zk', load: () => import('@caldera/privacy-zk') },
  { specifier: '@caldera/deploy-lite', load: () => import('@caldera/deploy-lite') },
  { specifier: '@caldera/sandbox', load: () => import('@caldera/sandbox') },
  { specifier: '@caldera/sandbox/cli', load: () => import('@caldera/sandbox/cli') },
  { specifier: '@caldera/sdk', load: () => import('@caldera/sdk') },
  { specifier: '@caldera/sdk/cli', load: () => import('@caldera/sdk/cli') },
] as const

/** How a public function is called, read from its parameter names. */
export type CallShape =
  /** `fn(client, options)`: gets a real viem client first. */
  | { kind: 'client'; params: string[] }
  /** `new Fn(...)`. */
  | { kind: 'class'; params: string[] }
  /** `fn(a, b, …)`: every parameter gets the hostile value. */
  | { kind: 'plain'; params: string[] }

/** One exported function, found once even when several entry points re-export it. */
export type SurfaceFunction = {
  /** `<first entry point>#<export name>`, e.g. `@caldera/core#parseEra`. */
  id: string
  name: string
  specifier: string
  fn: (...args: unknown[]) => unknown
  shape: CallShape
  /** Other names this same function is exported under. */
  aliases: string[]
}

export type Surface = {
  functions: SurfaceFunction[]
  /** Exported error classes (subclasses of Error): thrown by the packages, not input boundaries. */
  errorClasses: string[]
  /** Exported values that are not functions (constants, ABIs, schemas, commands). */
  values: { id: string; value: unknown }[]
}

const clientParam = /^(client|publicClient|walletClient|testClient|wallet|reader)$/i

/** Reads the parameter names of a function or class from its source text. */
export function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const source = Function.prototype.toString.call(fn)
  let list: string | undefined
  if (/^class\b/.test(source)) {
    const ctor = /\bconstructor\s*\(/.exec(source)
    if (!ctor) return []
    list = balanced(source, ctor.index + ctor[0].length - 1)
  } else {
    const open = source.indexOf('(')
    const arrow = /^(async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source)
    if (arrow) return [arrow[2] as string]
    if (open < 0) return []
    list = balanced(source, open)
  }
  return splitTopLevel(list)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => (/^[{[]/.test(p) ? 'options' : (/^(\.\.\.)?([A-Za-z_$][\w$]*)/.exec(p)?.[2] ?? 'arg')))
}

function balanced(source: string, open: number): string {
  let depth = 0
  for (let i = open; i < source.length; i++) {
    const c = source[i]
    if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') {
      depth--
      if (depth === 0) return source.slice(open + 1, i)
    }
  }
  return ''
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < list.length; i++) {
    const c = list[i]
    if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') depth--
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i))
      start = i + 1
    }
  }
  parts.push(list.slice(start))
  return parts
}

function isClass(fn: unknown): boolean {
  return typeof fn === 'function' && /^class\b/.test(Function.prototype.toString.call(fn))
}

function isErrorClass(fn: unknown): boolean {
  return typeof fn === 'function' && (fn === Error || fn.prototype instanceof Error)
}

/** Loads every entry point and sorts its exports into functions, error classes and values. */
export async function loadSurface(): Promise<Surface> {
  const byIdentity = new Map<unknown, SurfaceFunction>()
  const errorClasses = new Set<string>()
  const values: { id: string; value: unknown }[] = []
  for (const entry of entryPoints) {
    const mod = (await entry.load()) as Record<string, unknown>
    for (const [name, value] of Object.entries(mod)) {
      const id = `${entry.specifier}#${name}`
      if (typeof value !== 'function') {
        values.push({ id, value })
        continue
      }
      if (isErrorClass(value)) {
        errorClasses.add(name)
        continue
      }
      const known = byIdentity.get(value)
      if (known) {
        known.aliases.push(id)
        continue
      }
      const fn = value as (...args: unknown[]) => unknown
      const params = parameterNames(fn)
      const shape: CallShape = isClass(fn)
        ? { kind: 'class', params }
        : params[0] !== undefined && clientParam.test(params[0])
          ? { kind: 'client', params }
          : { kind: 'plain', params }
      byIdentity.set(value, { id, name, specifier: entry.specifier, fn, shape, aliases: [] })
    }
  }
  return { functions: [...byIdentity.values()], errorClasses: [...errorClasses].sort(), values }
}
