import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

/** What a report page showed once Chromium rendered it. */
export type RenderedReport = {
  chartsRendered: number
  /** Visible SVG paths per chart id. */
  visiblePaths: Record<string, number>
  title: string
  passed: string | null
  /** Requests the page made other than the file itself (must be none: self-contained). */
  externalRequests: string[]
}

/** Opens a report file in headless Debian Chromium and reads what rendered. */
export async function renderInChromium(htmlPath: string): Promise<RenderedReport> {
  const profile = mkdtempSync(join(tmpdir(), 'caldera-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    const page = await context.newPage()
    const url = pathToFileURL(htmlPath).href
    const externalRequests: string[] = []
    page.on('request', (request) => {
      if (request.url() !== url) externalRequests.push(request.url())
    })
    await page.goto(url)
    await page.waitForSelector('body[data-charts-rendered]', { timeout: 10_000 })
    const visiblePaths = await page.evaluate(() =>
      Object.fromEntries(
        Array.from(document.querySelectorAll('svg[data-chart]')).map((svg) => [
          svg.getAttribute('data-chart') ?? '',
          Number(svg.getAttribute('data-visible-paths')),
        ]),
      ),
    )
    return {
      chartsRendered: Number(await page.getAttribute('body', 'data-charts-rendered')),
      visiblePaths,
      title: await page.title(),
      passed: await page.getAttribute('body', 'data-passed'),
      externalRequests,
    }
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
