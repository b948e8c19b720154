import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const chromiumPath = '/usr/bin/chromium'
let server: Server
let browser: Browser
let origin = ''
let bundle = ''

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.wasm': 'application/wasm',
}

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(packageDir, 'src/browser/page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@caldera/source', 'browser'],
    write: false,
    logLevel: 'silent',
  })
  bundle = result.outputFiles[0]!.text
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end('<!doctype html><script type="module" src="/page.js"></script>')
      return
    }
    if (url.pathname === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' })
      response.end(bundle)
      return
    }
    const file = normalize(join(packageDir, url.pathname))
    if (!file.startsWith(join(packageDir, 'artifacts')) || !existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    response.end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

describe('in a browser (Chromium)', () => {
  it('bundles without Node modules on the proving path', () => {
    expect(bundle).not.toMatch(/from\s*["']node:/)
    expect(bundle).not.toMatch(/require\(["'](fs|path|crypto|node:)/)
  })

  it('proves and verifies a disclosure with artifacts fetched over HTTP and hash-checked', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(origin)
    await page.waitForFunction(() => 'runDisclosure' in globalThis, undefined, { timeout: 30_000 })
    const result = await page.evaluate(() =>
      (globalThis as unknown as { runDisclosure: () => Promise<Record<string, unknown>> }).runDisclosure(),
    )
    expect(errors).toEqual([])
    expect(result).toMatchObject({
      fieldIndex: 1,
      tampered: 'DisclosureRejectedError',
      badArtifact: 'ArtifactHashMismatchError',
      peak: '6.50',
    })
    expect(typeof result.proveMs).toBe('number')
    await page.close()
  }, 120_000)
})
