import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { type AddressInfo, connect, type Socket } from 'node:net'
import { CalderaError } from '@caldera/core'

/** How the proxy treats a JSON-RPC request the fault applies to. */
export type RpcFault =
  /** Forward unchanged. */
  | { mode: 'pass' }
  /** Destroy the connection without answering (the request never reaches the node). */
  | { mode: 'drop' }
  /** Forward after `delayMs` milliseconds (the node sees the request late, the client waits). */
  | { mode: 'slow'; delayMs: number }
  /**
   * Answer with an error without forwarding: `http` (default) an HTTP 503, `rpc` a JSON-RPC
   * error object (code -32603) for each request in the body.
   */
  | { mode: 'error'; as?: 'http' | 'rpc' }

/** A fault and, optionally, the JSON-RPC methods it is limited to (others pass). */
export type RpcFaultSetting = RpcFault & { methods?: readonly string[] }

export type RpcFaultMode = RpcFault['mode']

/** What the proxy has done so far, per outcome. */
export type RpcFaultStats = {
  requests: number
  passed: number
  dropped: number
  delayed: number
  /** Delayed requests whose client hung up before the delay ended (not forwarded). */
  abandoned: number
  errored: number
  /** Requests per JSON-RPC method (a batch counts each of its calls). */
  methods: Record<string, number>
}

export type RpcFaultProxy = {
  /** `http://127.0.0.1:<port>`: give this to clients instead of the node's URL. */
  readonly url: string
  /**
   * `ws://127.0.0.1:<port>`: WebSocket connections are relayed to the node's port. A fault without
   * `methods` applies to them too: `drop` closes every open connection and refuses new ones,
   * `error` closes them and answers new upgrades with HTTP 503, `slow` delays every frame.
   */
  readonly wsUrl: string
  /** The node's URL the proxy forwards to. */
  readonly target: string
  /** The fault in force. */
  readonly fault: RpcFaultSetting
  readonly stats: RpcFaultStats
  /** Switches the fault at runtime; requests already being delayed keep their delay. */
  set(fault: RpcFaultSetting): void
  /** Stops listening and destroys every open connection. */
  close(): Promise<void>
}

export type StartRpcFaultProxyParameters = {
  /** The node's HTTP JSON-RPC URL (e.g. an anvil's `rpcUrl`). */
  target: string
  /** The initial fault (default `{ mode: 'pass' }`). */
  fault?: RpcFaultSetting
}

/** A fault setting that cannot be applied. */
export class RpcFaultError extends CalderaError {
  override name = 'RpcFaultError'
}

function check(fault: RpcFaultSetting): RpcFaultSetting {
  const modes = ['pass', 'drop', 'slow', 'error']
  if (typeof fault !== 'object' || fault === null || !modes.includes(fault.mode))
    throw new RpcFaultError(`Unknown RPC fault ${JSON.stringify(fault)}.`, {
      hint: `mode is one of ${modes.join(', ')}.`,
    })
  if (fault.mode === 'slow' && !(Number.isSafeInteger(fault.delayMs) && fault.delayMs >= 0))
    throw new RpcFaultError(`A slow RPC fault needs delayMs as a non-negative integer, got ${fault.delayMs}.`)
  if (fault.mode === 'error' && fault.as !== undefined && fault.as !== 'http' && fault.as !== 'rpc')
    throw new RpcFaultError(`An error RPC fault answers as 'http' or 'rpc', got ${JSON.stringify(fault.as)}.`)
  if (fault.methods !== undefined && !(Array.isArray(fault.methods) && fault.methods.length > 0))
    throw new RpcFaultError('methods, when given, lists at least one JSON-RPC method.')
  return { ...fault, ...(fault.methods ? { methods: [...fault.methods] } : {}) }
}

type RpcCall = { id?: unknown; method?: unknown }

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * Starts a fault-injecting JSON-RPC proxy on a free loopback port in front of a node's HTTP RPC:
 * a real HTTP server whose connections are really destroyed, delayed or answered with errors, so
 * a client behind it meets the same failures as behind a broken network or provider. The fault
 * can be switched at runtime and limited to some methods (e.g. only `eth_sendRawTransaction`).
 *
 * @example
 * import { startRpcFaultProxy } from './faults/rpcFaultProxy.js'
 * const proxy = await startRpcFaultProxy({ target: chain.rpcUrl })
 * const client = createPublicClient({ transport: http(proxy.url) })
 * proxy.set({ mode: 'drop', methods: ['eth_sendRawTransaction'] })
 * // … writes fail with a closed connection, reads still answer
 * proxy.set({ mode: 'pass' })
 * await proxy.close()
 */
export async function startRpcFaultProxy(parameters: StartRpcFaultProxyParameters): Promise<RpcFaultProxy> {
  const { target } = parameters
  if (!/^https?:\/\//.test(String(target)))
    throw new RpcFaultError(`The proxy target must be an http(s) URL, got ${JSON.stringify(target)}.`)
  let fault = check(parameters.fault ?? { mode: 'pass' })
  const stats: RpcFaultStats = {
    requests: 0,
    passed: 0,
    dropped: 0,
    delayed: 0,
    abandoned: 0,
    errored: 0,
    methods: {},
  }
  const sockets = new Set<Socket>()
  const tunnels = new Set<{ client: Socket; node: Socket }>()
  const slowDelay = () => (fault.mode === 'slow' && fault.methods === undefined ? fault.delayMs : 0)

  /** Relays bytes from one socket to another, each chunk delayed by the slow fault in force (order kept). */
  function relay(from: Socket, to: Socket) {
    const queue: { due: number; chunk: Buffer }[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    const pump = () => {
      timer = undefined
      while (queue.length > 0 && queue[0]!.due <= Date.now()) to.write(queue.shift()!.chunk)
      if (queue.length > 0) timer = setTimeout(pump, queue[0]!.due - Date.now())
    }
    from.on('data', (chunk: Buffer) => {
      const due = Math.max(Date.now() + slowDelay(), queue.at(-1)?.due ?? 0)
      queue.push({ due, chunk })
      if (timer === undefined) pump()
    })
    from.on('close', () => {
      if (timer) clearTimeout(timer)
      to.destroy()
    })
    from.on('error', () => to.destroy())
  }

  function closeTunnels() {
    for (const t of tunnels) {
      t.client.destroy()
      t.node.destroy()
    }
    tunnels.clear()
  }
  const timers = new Set<ReturnType<typeof setTimeout>>()

  async function forward(body: Buffer, res: ServerResponse) {
    try {
      const answer = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Uint8Array(body),
      })
      const text = Buffer.from(await answer.arrayBuffer())
      res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': text.length })
      res.end(text)
    } catch {
      // The node itself is gone: the client sees what it would see in front of a dead node.
      res.socket?.destroy()
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req)
    stats.requests++
    let calls: RpcCall[] = []
    try {
      const parsed = JSON.parse(body.toString('utf8')) as RpcCall | RpcCall[]
      calls = Array.isArray(parsed) ? parsed : [parsed]
    } catch {
      // Not JSON: forwarded as is, the node answers with its own parse error.
    }
    for (const call of calls) {
      const method = String(call?.method)
      stats.methods[method] = (stats.methods[method] ?? 0) + 1
    }
    const current = fault
    const applies =
      current.mode !== 'pass' &&
      (current.methods === undefined || calls.some((c) => current.methods!.includes(String(c?.method))))
    if (!applies) {
      stats.passed++
      return forward(body, res)
    }
    if (current.mode === 'drop') {
      stats.dropped++
      req.socket.destroy()
      return
    }
    if (current.mode === 'slow') {
      stats.delayed++
      // A client that gives up during the delay closes its connection: its request is then
      // never forwarded, as a request lost in a congested network would not be.
      let abandoned = false
      res.on('close', () => {
        if (!res.writableFinished) abandoned = true
      })
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer)
          resolve()
        }, current.delayMs)
        timers.add(timer)
      })
      if (abandoned || req.socket.destroyed) {
        stats.abandoned++
        return
      }
      return forward(body, res)
    }
    stats.errored++
    if (current.mode === 'error' && current.as === 'rpc') {
      const errors = calls.map((c) => ({
        jsonrpc: '2.0',
        id: c?.id ?? null,
        error: { code: -32603, message: 'Injected fault: internal error' },
      }))
      const text = JSON.stringify(calls.length === 1 ? errors[0] : errors)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(text)
      return
    }
    res.writeHead(503, { 'content-type': 'text/plain' })
    res.end('Injected fault: service unavailable')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy())
  })
  server.keepAliveTimeout = 1_000
  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    stats.requests++
    const current = fault.methods === undefined ? fault : ({ mode: 'pass' } as const)
    if (current.mode === 'drop') {
      stats.dropped++
      client.destroy()
      return
    }
    if (current.mode === 'error') {
      stats.errored++
      client.end('HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n')
      return
    }
    stats.passed++
    const { hostname, port } = new URL(target)
    const node = connect(Number(port || 80), hostname)
    const tunnel = { client, node }
    tunnels.add(tunnel)
    const forget = () => tunnels.delete(tunnel)
    client.on('close', forget)
    node.on('close', forget)
    node.on('connect', () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`]
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`)
      node.write(`${lines.join('\r\n')}\r\n\r\n`)
      if (head.length > 0) node.write(head)
      relay(client, node)
      relay(node, client)
    })
    node.on('error', () => client.destroy())
    client.on('error', () => node.destroy())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    target,
    get fault() {
      return fault
    },
    stats,
    set(next) {
      fault = check(next)
      if ((fault.mode === 'drop' || fault.mode === 'error') && fault.methods === undefined) closeTunnels()
    },
    async close() {
      closeTunnels()
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
