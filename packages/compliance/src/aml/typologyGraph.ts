import type { AmlConfig } from './config.js'
import type { Typology } from './types.js'

/** A typology match before it becomes an alert: edge ids of the evidence and account ids. */
export type TypologyHit = {
  typology: Typology
  edges: number[]
  accounts: number[]
  /** Extra figures for the reason sentence. */
  detail: Record<string, number>
}

const T_FAN_IN = 0
const T_FAN_OUT = 1
const T_CYCLE = 2
const T_SG = 3
const T_GS = 4
const T_BIP = 5
const T_STACK = 6
const T_PEEL = 7
const T_PASS = 8
const T_COUNT = 9

/**
 * The transaction graph over a sliding time window: edges in growable typed arrays (a ring indexed
 * by edge id), per-account in/out lists of edge ids whose expired prefix is skipped and compacted,
 * integer account ids, and stamp arrays instead of sets, so an ingest allocates nothing unless a
 * typology matches. Each new edge runs the local typology checks around it.
 */
export class TypologyGraph {
  private mask = 0xffff
  private from = new Int32Array(0x10000)
  private to = new Int32Array(0x10000)
  private time = new Float64Array(0x10000)
  private amt = new Float64Array(0x10000)
  /** Transaction id of each edge slot. */
  readonly txId: string[] = new Array(0x10000)
  private next = 0
  private oldest = 0

  private outs: number[][] = []
  private outStart: number[] = []
  private ins: number[][] = []
  private inStart: number[] = []
  private markA = new Int32Array(1024)
  private markB = new Int32Array(1024)
  private markC = new Int32Array(1024)
  private counter = new Int32Array(1024)
  private lastSeen = new Int32Array(1024)
  private markD = new Int32Array(1024)
  private counter2 = new Int32Array(1024)
  private cooldown = new Float64Array(1024 * T_COUNT).fill(-Infinity)
  private epoch = 0
  private readonly path = new Int32Array(16)
  private budget = 0

  private readonly window: number
  private readonly minAmount: number
  private readonly tol: number
  private readonly cap: number
  private readonly p: AmlConfig['graph']

  constructor(config: AmlConfig['graph']) {
    this.p = config
    this.window = config.windowSeconds
    this.minAmount = Number(config.minAmountUsd)
    this.tol = config.amountTolerance
    this.cap = config.maxEdgesPerAccount
  }

  /** Registers account id `id` (ids are dense, 0, 1, 2, …). */
  addAccount(id: number): void {
    this.outs.push([])
    this.outStart.push(0)
    this.ins.push([])
    this.inStart.push(0)
    if (id >= this.markA.length) {
      const size = this.markA.length * 2
      const grow = (a: Int32Array) => {
        const b = new Int32Array(size)
        b.set(a)
        return b
      }
      this.markA = grow(this.markA)
      this.markB = grow(this.markB)
      this.markC = grow(this.markC)
      this.counter = grow(this.counter)
      this.lastSeen = grow(this.lastSeen)
      this.markD = grow(this.markD)
      this.counter2 = grow(this.counter2)
      const c = new Float64Array(size * T_COUNT).fill(-Infinity)
      c.set(this.cooldown)
      this.cooldown = c
    }
  }

  /** Edges currently in the window. */
  get size(): number {
    return this.next - this.oldest
  }

  edgeTime(e: number): number {
    return this.time[e & this.mask]!
  }
  edgeFrom(e: number): number {
    return this.from[e & this.mask]!
  }
  edgeTo(e: number): number {
    return this.to[e & this.mask]!
  }
  edgeTx(e: number): string {
    return this.txId[e & this.mask]!
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2
    const mask = cap - 1
    const from = new Int32Array(cap)
    const to = new Int32Array(cap)
    const time = new Float64Array(cap)
    const amt = new Float64Array(cap)
    const txId: string[] = new Array(cap)
    for (let e = this.oldest; e < this.next; e++) {
      const s = e & this.mask
      const d = e & mask
      from[d] = this.from[s]!
      to[d] = this.to[s]!
      time[d] = this.time[s]!
      amt[d] = this.amt[s]!
      txId[d] = this.txId[s]!
    }
    this.mask = mask
    this.from = from
    this.to = to
    this.time = time
    this.amt = amt
    ;(this as { txId: string[] }).txId = txId
  }

  /**
   * Adds the transfer `u → v` and runs the typology checks around it. Returns the matches
   * (usually none: the shared empty array).
   */
  add(u: number, v: number, t: number, amount: number, tx: string, hits: TypologyHit[]): void {
    const minTime = t - this.window
    while (this.oldest < this.next && this.time[this.oldest & this.mask]! < minTime) this.oldest++
    if (amount < this.minAmount || u === v) return
    if (this.next - this.oldest > this.mask) this.grow()
    const e = this.next++
    const s = e & this.mask
    this.from[s] = u
    this.to[s] = v
    this.time[s] = t
    this.amt[s] = amount
    this.txId[s] = tx
    this.outs[u]!.push(e)
    this.ins[v]!.push(e)

    this.fanOut(u, e, t, amount, hits)
    this.fanIn(v, e, t, amount, hits)
    this.gatherScatter(u, t, amount, hits)
    this.scatterGather(v, e, t, amount, hits)
    this.bipartiteAndStack(u, v, t, hits)
    this.cycle(u, v, e, t, amount, hits)
    this.peelChain(u, e, t, amount, hits)
    this.passThrough(u, e, t, amount, hits)
  }

  private nextEpoch(): number {
    if (this.epoch >= 0x7ffffff0) {
      this.epoch = 0
      this.markA.fill(0)
      this.markB.fill(0)
      this.markC.fill(0)
      this.markD.fill(0)
    }
    return ++this.epoch
  }

  /**
   * First index to scan in an adjacency list: the first live edge, or the latest
   * `maxEdgesPerAccount` ones (drops the expired prefix now and then).
   */
  private liveOut(a: number): number {
    return this.live(this.outs[a]!, this.outStart, a)
  }
  private liveIn(a: number): number {
    return this.live(this.ins[a]!, this.inStart, a)
  }
  private live(list: number[], starts: number[], a: number): number {
    let i = starts[a]!
    const oldest = this.oldest
    while (i < list.length && list[i]! < oldest) i++
    if (i > 32 && i * 2 > list.length) {
      list.copyWithin(0, i)
      list.length -= i
      i = 0
    }
    starts[a] = i
    return list.length - i > this.cap ? list.length - this.cap : i
  }

  private cooled(a: number, typology: number, t: number): boolean {
    return t - this.cooldown[a * T_COUNT + typology]! < this.window
  }
  private cool(a: number, typology: number, t: number): void {
    this.cooldown[a * T_COUNT + typology] = t
  }

  private similar(x: number, ref: number): boolean {
    return x >= ref * (1 - this.tol) && x <= ref * (1 + this.tol)
  }

  private fanOut(u: number, _e: number, t: number, amount: number, hits: TypologyHit[]): void {
    if (this.cooled(u, T_FAN_OUT, t)) return
    const list = this.outs[u]!
    const start = this.liveOut(u)
    if (list.length - start < this.p.fanDegree) return
    const ep = this.nextEpoch()
    let count = 0
    for (let i = start; i < list.length; i++) {
      const s = list[i]! & this.mask
      if (!this.similar(this.amt[s]!, amount)) continue
      const w = this.to[s]!
      if (this.markA[w] !== ep) {
        this.markA[w] = ep
        count++
      }
    }
    if (count < this.p.fanDegree) return
    const { edges, accounts } = this.collectDistinct(list, start, amount, this.to, u)
    this.cool(u, T_FAN_OUT, t)
    hits.push({ typology: 'fan-out', edges, accounts, detail: { counterparties: count } })
  }

  private fanIn(v: number, _e: number, t: number, amount: number, hits: TypologyHit[]): void {
    if (this.cooled(v, T_FAN_IN, t)) return
    const list = this.ins[v]!
    const start = this.liveIn(v)
    if (list.length - start < this.p.fanDegree) return
    const ep = this.nextEpoch()
    let count = 0
    for (let i = start; i < list.length; i++) {
      const s = list[i]! & this.mask
      if (!this.similar(this.amt[s]!, amount)) continue
      const w = this.from[s]!
      if (this.markA[w] !== ep) {
        this.markA[w] = ep
        count++
      }
    }
    if (count < this.p.fanDegree) return
    const { edges, accounts } = this.collectDistinct(list, start, amount, this.from, v)
    this.cool(v, T_FAN_IN, t)
    hits.push({ typology: 'fan-in', edges, accounts, detail: { counterparties: count } })
  }

  /** First edge per distinct counterparty among similar-amount edges of a list. */
  private collectDistinct(
    list: number[],
    start: number,
    amount: number,
    side: Int32Array,
    subject: number,
  ): { edges: number[]; accounts: number[] } {
    const ep = this.nextEpoch()
    const edges: number[] = []
    const accounts = [subject]
    for (let i = start; i < list.length; i++) {
      const s = list[i]! & this.mask
      if (!this.similar(this.amt[s]!, amount)) continue
      const w = side[s]!
      if (this.markA[w] === ep) continue
      this.markA[w] = ep
      edges.push(list[i]!)
      accounts.push(w)
    }
    return { edges, accounts }
  }

  /** Hub `h` gathered from many similar-amount sources, now scatters to many. */
  private gatherScatter(h: number, t: number, amount: number, hits: TypologyHit[]): void {
    if (this.cooled(h, T_GS, t)) return
    const k = this.p.gatherScatterMin
    const outs = this.outs[h]!
    const outStart = this.liveOut(h)
    if (outs.length - outStart < k) return
    const ins = this.ins[h]!
    const inStart = this.liveIn(h)
    if (ins.length - inStart < k) return
    // the scatter began with the first outflow similar to this one
    let firstOutTime = t
    for (let i = outStart; i < outs.length; i++) {
      const s = outs[i]! & this.mask
      if (this.similar(this.amt[s]!, amount)) {
        firstOutTime = this.time[s]!
        break
      }
    }
    // the inflows before the scatter began: the largest group of similar amounts
    let ref = -1
    let sources = 0
    let tried = 0
    for (let i = ins.length - 1; i >= inStart && tried < 32; i--) {
      const s = ins[i]! & this.mask
      if (this.time[s]! > firstOutTime) continue
      tried++
      const candidate = this.amt[s]!
      const ep = this.nextEpoch()
      let count = 0
      for (let j = inStart; j < ins.length; j++) {
        const s2 = ins[j]! & this.mask
        if (this.time[s2]! > firstOutTime || !this.similar(this.amt[s2]!, candidate)) continue
        const w = this.from[s2]!
        if (this.markA[w] !== ep) {
          this.markA[w] = ep
          count++
        }
      }
      if (count > sources) {
        sources = count
        ref = candidate
      }
      if (count >= k) break
    }
    if (ref < 0) return
    const ep = this.nextEpoch()
    for (let i = inStart; i < ins.length; i++) {
      const s = ins[i]! & this.mask
      if (this.time[s]! > firstOutTime || !this.similar(this.amt[s]!, ref)) continue
      this.markA[this.from[s]!] = ep
    }
    if (sources < k) return
    let sinks = 0
    for (let i = outStart; i < outs.length; i++) {
      const s = outs[i]! & this.mask
      if (!this.similar(this.amt[s]!, amount)) continue
      const w = this.to[s]!
      if (this.markB[w] !== ep) {
        this.markB[w] = ep
        sinks++
      }
    }
    if (sinks < k) return
    const edges: number[] = []
    const accounts = [h]
    const ep2 = this.nextEpoch()
    for (let i = inStart; i < ins.length; i++) {
      const s = ins[i]! & this.mask
      const w = this.from[s]!
      if (
        this.markA[w] === ep &&
        this.time[s]! <= firstOutTime &&
        this.similar(this.amt[s]!, ref) &&
        this.markC[w] !== ep2
      ) {
        this.markC[w] = ep2
        edges.push(ins[i]!)
        accounts.push(w)
      }
    }
    for (let i = outStart; i < outs.length; i++) {
      const s = outs[i]! & this.mask
      const w = this.to[s]!
      if (this.markB[w] === ep && this.similar(this.amt[s]!, amount) && this.markC[w] !== ep2) {
        this.markC[w] = ep2
        edges.push(outs[i]!)
        accounts.push(w)
      }
    }
    this.cool(h, T_GS, t)
    hits.push({ typology: 'gather-scatter', edges, accounts, detail: { sources, sinks } })
  }

  /** Sink `d` receives from several intermediaries that were all funded by one source. */
  private scatterGather(d: number, _e: number, t: number, amount: number, hits: TypologyHit[]): void {
    if (this.cooled(d, T_SG, t)) return
    const k = this.p.scatterGatherMin
    const ins = this.ins[d]!
    const inStart = this.liveIn(d)
    if (ins.length - inStart < k) return
    const ep = this.nextEpoch()
    let found = -1
    for (let i = inStart; i < ins.length && found < 0; i++) {
      const s1 = ins[i]! & this.mask
      const a1 = this.amt[s1]!
      if (!this.similar(a1, amount)) continue
      const m = this.from[s1]!
      if (this.markA[m] === ep) continue
      this.markA[m] = ep
      const t1 = this.time[s1]!
      const mins = this.ins[m]!
      for (let j = this.liveIn(m); j < mins.length; j++) {
        const s0 = mins[j]! & this.mask
        if (this.time[s0]! > t1 || !this.similar(a1, this.amt[s0]!)) continue
        const src = this.from[s0]!
        if (src === d) continue
        if (this.markB[src] !== ep) {
          this.markB[src] = ep
          this.counter[src] = 0
          this.lastSeen[src] = -1
        }
        if (this.lastSeen[src] === m) continue
        this.lastSeen[src] = m
        if (++this.counter[src]! >= k) {
          found = src
          break
        }
      }
    }
    if (found < 0) return
    // evidence: src → m → d for every intermediary m
    const edges: number[] = []
    const accounts = [d, found]
    const ep2 = this.nextEpoch()
    for (let i = inStart; i < ins.length; i++) {
      const s1 = ins[i]! & this.mask
      const a1 = this.amt[s1]!
      if (!this.similar(a1, amount)) continue
      const m = this.from[s1]!
      if (this.markC[m] === ep2) continue
      const mins = this.ins[m]!
      for (let j = this.inStart[m]!; j < mins.length; j++) {
        const s0 = mins[j]! & this.mask
        if (this.from[s0] === found && this.time[s0]! <= this.time[s1]! && this.similar(a1, this.amt[s0]!)) {
          this.markC[m] = ep2
          edges.push(mins[j]!, ins[i]!)
          accounts.push(m)
          break
        }
      }
    }
    this.cool(d, T_SG, t)
    hits.push({
      typology: 'scatter-gather',
      edges,
      accounts,
      detail: { intermediaries: accounts.length - 2 },
    })
  }

  /**
   * Bipartite: at least `bipartiteMin` sources each sending to the same `bipartiteMin` targets.
   * Stack: a bipartite layer whose sources were themselves fed by a bipartite layer.
   */
  private bipartiteAndStack(u: number, v: number, t: number, hits: TypologyHit[]): void {
    const checkBip = !this.cooled(u, T_BIP, t)
    const checkStack = !this.cooled(u, T_STACK, t)
    if (!checkBip && !checkStack) return
    const b = this.p.bipartiteMin
    const outs = this.outs[u]!
    const outStart = this.liveOut(u)
    if (outs.length - outStart < b) return
    const ins = this.ins[v]!
    const inStart = this.liveIn(v)
    if (ins.length - inStart < b) return
    const epT = this.nextEpoch()
    let targets = 0
    for (let i = outStart; i < outs.length; i++) {
      const w = this.to[outs[i]! & this.mask]!
      if (this.markA[w] !== epT) {
        this.markA[w] = epT
        targets++
      }
    }
    if (targets < b) return
    let sources: number[] | undefined
    this.markB[u] = epT
    for (let i = inStart; i < ins.length; i++) {
      const s = this.from[ins[i]! & this.mask]!
      if (this.markB[s] === epT) continue
      this.markB[s] = epT
      const sOuts = this.outs[s]!
      const epC = this.nextEpoch()
      let common = 0
      for (let j = this.liveOut(s); j < sOuts.length; j++) {
        const w = this.to[sOuts[j]! & this.mask]!
        if (this.markA[w] === epT && this.markC[w] !== epC) {
          this.markC[w] = epC
          common++
        }
      }
      if (common < b) continue
      if (sources === undefined) sources = [u]
      sources.push(s)
    }
    if (sources === undefined || sources.length < b) return
    // common targets of all sources
    const epK = this.nextEpoch()
    for (const s of sources) {
      const sOuts = this.outs[s]!
      const epC = this.nextEpoch()
      for (let j = this.outStart[s]!; j < sOuts.length; j++) {
        const w = this.to[sOuts[j]! & this.mask]!
        if (this.markA[w] !== epT || this.markC[w] === epC) continue
        this.markC[w] = epC
        this.counter2[w] = this.markD[w] === epK ? this.counter2[w]! + 1 : 1
        this.markD[w] = epK
      }
    }
    const targetList: number[] = []
    for (let i = outStart; i < outs.length; i++) {
      const w = this.to[outs[i]! & this.mask]!
      if (this.markD[w] === epK && this.counter2[w]! >= b) {
        this.markD[w] = -1
        targetList.push(w)
      }
    }
    if (targetList.length < b) return
    const targetSet = new Set(targetList)
    const edges: number[] = []
    for (const s of sources) {
      const sOuts = this.outs[s]!
      for (let j = this.outStart[s]!; j < sOuts.length; j++)
        if (targetSet.has(this.to[sOuts[j]! & this.mask]!)) edges.push(sOuts[j]!)
    }
    if (checkBip) {
      for (const s of sources) this.cool(s, T_BIP, t)
      hits.push({
        typology: 'bipartite',
        edges: edges.slice().sort((x, y) => x - y),
        accounts: [...sources, ...targetList],
        detail: { sources: sources.length, targets: targetList.length },
      })
    }
    if (!checkStack) return
    // upstream layer: feeders that each sent to at least b of the sources before
    const epF = this.nextEpoch()
    const feeders: number[] = []
    for (const s of sources) {
      const sIns = this.ins[s]!
      for (let j = this.liveIn(s); j < sIns.length; j++) {
        const f = this.from[sIns[j]! & this.mask]!
        if (this.markB[f] !== epF) {
          this.markB[f] = epF
          this.counter[f] = 0
          this.lastSeen[f] = -1
        }
        if (this.lastSeen[f] === s) continue
        this.lastSeen[f] = s
        if (++this.counter[f]! === b) feeders.push(f)
      }
    }
    if (feeders.length < b) return
    const feederSet = new Set(feeders)
    const upstream: number[] = []
    for (const s of sources) {
      const sIns = this.ins[s]!
      for (let j = this.inStart[s]!; j < sIns.length; j++)
        if (feederSet.has(this.from[sIns[j]! & this.mask]!)) upstream.push(sIns[j]!)
    }
    for (const s of sources) this.cool(s, T_STACK, t)
    hits.push({
      typology: 'stack',
      edges: [...upstream, ...edges].sort((x, y) => x - y),
      accounts: [...feeders, ...sources, ...targetList],
      detail: { layers: 3, width: sources.length },
    })
  }

  /** A temporal cycle closed by `u → v`: a path v → … → u of earlier similar-amount transfers. */
  private cycle(u: number, v: number, e: number, t: number, amount: number, hits: TypologyHit[]): void {
    if (this.cooled(u, T_CYCLE, t) || this.cooled(v, T_CYCLE, t)) return
    if (this.ins[u]!.length - this.inStart[u]! === 0 || this.outs[v]!.length - this.outStart[v]! === 0) return
    this.budget = 512
    const depth = this.cycleSearch(u, v, u, t, amount, 0)
    if (depth < 0) return
    const edges = [e]
    const accounts = [u]
    for (let i = 0; i <= depth; i++) {
      edges.push(this.path[i]!)
      accounts.push(this.from[this.path[i]! & this.mask]!)
    }
    accounts.reverse()
    edges.reverse()
    for (const a of accounts) this.cool(a, T_CYCLE, t)
    hits.push({ typology: 'cycle', edges, accounts, detail: { hops: edges.length } })
  }

  /** Depth-first search backwards; returns the depth where `target` was reached, or -1. */
  private cycleSearch(
    cur: number,
    target: number,
    origin: number,
    bound: number,
    amount: number,
    depth: number,
  ): number {
    const list = this.ins[cur]!
    const start = this.liveIn(cur)
    const maxPath = this.p.cycleMaxHops - 1
    for (let i = list.length - 1; i >= start; i--) {
      if (--this.budget < 0) return -1
      const e = list[i]!
      const s = e & this.mask
      const tm = this.time[s]!
      if (tm > bound) continue
      const x = this.amt[s]!
      if (x < amount * (1 - this.tol) || x > amount / (1 - this.tol)) continue
      const w = this.from[s]!
      if (w === origin) continue
      let onPath = false
      for (let k = 0; k < depth; k++) if (this.from[this.path[k]! & this.mask] === w) onPath = true
      if (onPath) continue
      this.path[depth] = e
      if (w === target) {
        if (depth + 2 >= this.p.cycleMinHops) return depth
        continue
      }
      if (depth + 1 < maxPath) {
        const found = this.cycleSearch(w, target, origin, tm, x, depth + 1)
        if (found >= 0) return found
      }
    }
    return -1
  }

  /**
   * Peel chain ending in `u → v`: going back, each hop received a bit more than it forwarded
   * (kept ratio within [peelMinRatio, peelMaxRatio]) and peeled the difference off to another
   * account.
   */
  private peelChain(u: number, e: number, t: number, amount: number, hits: TypologyHit[]): void {
    const need = this.p.peelMinHops
    let cur = u
    let curAmt = amount
    let curT = t
    let hops = 1
    this.path[0] = e
    while (hops < 15) {
      const list = this.ins[cur]!
      const start = this.liveIn(cur)
      let best = -1
      for (let i = list.length - 1; i >= start; i--) {
        const s = list[i]! & this.mask
        if (this.time[s]! > curT) continue
        const x = this.amt[s]!
        const r = curAmt / x
        if (r < this.p.peelMinRatio || r > this.p.peelMaxRatio) continue
        if (!this.hasPeel(cur, x - curAmt, this.path[hops - 1]!)) continue
        best = list[i]!
        break
      }
      if (best < 0) break
      this.path[hops++] = best
      const s = best & this.mask
      cur = this.from[s]!
      curAmt = this.amt[s]!
      curT = this.time[s]!
    }
    if (hops < need || this.cooled(cur, T_PEEL, t)) return
    const edges: number[] = []
    const accounts: number[] = []
    for (let i = hops - 1; i >= 0; i--) {
      edges.push(this.path[i]!)
      accounts.push(this.from[this.path[i]! & this.mask]!)
    }
    accounts.push(this.to[e & this.mask]!)
    for (const a of accounts) this.cool(a, T_PEEL, t)
    hits.push({ typology: 'peel-chain', edges, accounts, detail: { hops } })
  }

  /** Whether `a` sent about `peel` to someone other than the chain's next hop. */
  private hasPeel(a: number, peel: number, forward: number): boolean {
    const list = this.outs[a]!
    const next = this.to[forward & this.mask]!
    for (let i = this.liveOut(a); i < list.length; i++) {
      const s = list[i]! & this.mask
      if (this.to[s] === next) continue
      const x = this.amt[s]!
      if (x >= peel * (1 - this.tol) && x <= peel * (1 + this.tol)) return true
    }
    return false
  }

  /**
   * Rapid pass-through: the funds of `u → v` reached `u` moments before, and the account
   * before `u` passed them on just as fast (two mule accounts in a row by default).
   */
  private passThrough(u: number, e: number, t: number, amount: number, hits: TypologyHit[]): void {
    if (this.cooled(u, T_PASS, t)) return
    const need = this.p.passThroughMinAccounts
    let cur = u
    let curAmt = amount
    let curT = t
    let mules = 0
    this.path[0] = e
    while (mules < 8) {
      const list = this.ins[cur]!
      const start = this.liveIn(cur)
      let best = -1
      for (let i = list.length - 1; i >= start; i--) {
        const s = list[i]! & this.mask
        const tm = this.time[s]!
        if (tm > curT) continue
        if (tm < curT - this.p.passThroughSeconds) break
        const r = curAmt / this.amt[s]!
        if (r < this.p.passThroughMinRatio || r > 1) continue
        best = list[i]!
        break
      }
      if (best < 0) break
      this.path[++mules] = best
      const s = best & this.mask
      cur = this.from[s]!
      curAmt = this.amt[s]!
      curT = this.time[s]!
    }
    if (mules < need) return
    const edges: number[] = []
    const accounts: number[] = []
    for (let i = mules; i >= 0; i--) {
      edges.push(this.path[i]!)
      accounts.push(this.from[this.path[i]! & this.mask]!)
    }
    accounts.push(this.to[e & this.mask]!)
    for (let i = 1; i < accounts.length - 1; i++) this.cool(accounts[i]!, T_PASS, t)
    hits.push({
      typology: 'rapid-pass-through',
      edges,
      accounts: [accounts[1]!, ...accounts.filter((_, i) => i !== 1)],
      detail: { mules, seconds: t - this.time[edges[0]! & this.mask]! },
    })
  }
}
