import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** A message waiting for delivery. */
export type QueuedMessage = {
  key: string
  source: string
  destination: string
  nonce: bigint
  sender: `0x${string}`
  recipient: `0x${string}`
  amount: bigint
}

type JournalRecord =
  | {
      t: 'msg'
      key: string
      src: string
      dst: string
      nonce: string
      sender: string
      recipient: string
      amount: string
    }
  | { t: 'done'; key: string; tx?: string }
  | { t: 'cursor'; domain: string; block: string }
  | { t: 'batch'; domain: string; n: string }
  | { t: 'submitted'; src: string; dst: string; n: string; keys: string[]; at: string }
  | { t: 'dropped'; src: string; n: string }

/** A batch submitted to a hybrid verifier, executable once its challenge window has passed. */
export type Submission = {
  source: string
  destination: string
  batchNonce: bigint
  keys: string[]
  executableAt: bigint
}

/**
 * The relayer's durable queue: an append-only JSON-lines journal, fsynced after every append.
 * Replaying it gives the undelivered messages, each source's scan cursor and batch counter.
 * A torn last line (a crash mid-write) is cut off on open.
 */
export class Journal {
  readonly path: string
  private fd: number
  readonly pending = new Map<string, QueuedMessage>()
  readonly done = new Set<string>()
  readonly cursors = new Map<string, bigint>()
  readonly batches = new Map<string, bigint>()
  /** Submitted hybrid batches by `source@batchNonce`. */
  readonly submissions = new Map<string, Submission>()

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true })
    this.path = join(dir, 'journal.jsonl')
    this.fd = openSync(this.path, 'a+')
    const text = readFileSync(this.path, 'utf8')
    const end = text.lastIndexOf('\n') + 1
    if (end < text.length) {
      ftruncateSync(this.fd, Buffer.byteLength(text.slice(0, end)))
      fsyncSync(this.fd)
    }
    for (const line of text.slice(0, end).split('\n')) if (line) this.apply(JSON.parse(line) as JournalRecord)
  }

  private apply(r: JournalRecord) {
    switch (r.t) {
      case 'msg':
        if (!this.done.has(r.key))
          this.pending.set(r.key, {
            key: r.key,
            source: r.src,
            destination: r.dst,
            nonce: BigInt(r.nonce),
            sender: r.sender as `0x${string}`,
            recipient: r.recipient as `0x${string}`,
            amount: BigInt(r.amount),
          })
        break
      case 'done':
        this.done.add(r.key)
        this.pending.delete(r.key)
        break
      case 'cursor':
        this.cursors.set(r.domain, BigInt(r.block))
        break
      case 'batch':
        this.batches.set(r.domain, BigInt(r.n))
        break
      case 'submitted':
        this.submissions.set(`${r.src}@${r.n}`, {
          source: r.src,
          destination: r.dst,
          batchNonce: BigInt(r.n),
          keys: r.keys,
          executableAt: BigInt(r.at),
        })
        break
      case 'dropped':
        this.submissions.delete(`${r.src}@${r.n}`)
        break
    }
  }

  private append(records: JournalRecord[]) {
    if (records.length === 0) return
    writeSync(this.fd, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`)
    fsyncSync(this.fd)
    for (const r of records) this.apply(r)
  }

  private cursorWrittenAt = 0

  /**
   * Records newly seen messages and the block up to which `domain` was scanned. A scan that
   * found nothing moves the cursor in memory and persists it at most every 5 s (rescanning a few
   * blocks after a crash is harmless), so an idle relayer does not fsync on every pass.
   */
  enqueue(domain: string, block: bigint, messages: readonly QueuedMessage[]) {
    const fresh = messages.filter((m) => !this.pending.has(m.key) && !this.done.has(m.key))
    if (fresh.length === 0 && Date.now() - this.cursorWrittenAt < 5_000) {
      this.cursors.set(domain, block)
      return
    }
    this.cursorWrittenAt = Date.now()
    this.append([
      ...fresh.map(
        (m): JournalRecord => ({
          t: 'msg',
          key: m.key,
          src: m.source,
          dst: m.destination,
          nonce: String(m.nonce),
          sender: m.sender,
          recipient: m.recipient,
          amount: String(m.amount),
        }),
      ),
      { t: 'cursor', domain, block: String(block) },
    ])
  }

  /** Marks messages delivered. */
  complete(keys: readonly string[], tx?: string) {
    this.append(keys.map((key) => ({ t: 'done', key, ...(tx ? { tx } : {}) })))
  }

  /** Reserves the next batch nonce of a source domain (durably, so it is never reused). */
  nextBatch(domain: string): bigint {
    const n = (this.batches.get(domain) ?? 0n) + 1n
    this.append([{ t: 'batch', domain, n: String(n) }])
    return n
  }

  /** Records a batch submitted to a hybrid verifier. */
  submitted(sub: Submission) {
    this.append([
      {
        t: 'submitted',
        src: sub.source,
        dst: sub.destination,
        n: String(sub.batchNonce),
        keys: sub.keys,
        at: String(sub.executableAt),
      },
    ])
  }

  /** Forgets a submission (delivered, or challenged: its messages go into a new batch). */
  drop(source: string, batchNonce: bigint) {
    this.append([{ t: 'dropped', src: source, n: String(batchNonce) }])
  }

  close() {
    closeSync(this.fd)
  }
}

/** The journal key of a message. */
export function messageKey(source: string, destination: string, nonce: bigint): string {
  return `${source}>${destination}#${nonce}`
}
