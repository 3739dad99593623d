import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { chromiumLaunchOptions, VIEWPORT } from '../e2e/chromium'

/**
 * Chromium driven over its own DevTools pipe with only the Page, Runtime, DOM and Input domains:
 * no Network domain. Playwright always enables it, and then Chromium copies every request body to
 * the driver; a 20 MB upload costs seconds of the driver's (this process's) time, which would be
 * measured as the app's. The pictures suite moves 20 MB, so it drives the page through this.
 */

interface Message {
  id?: number
  method?: string
  sessionId?: string
  result?: Record<string, unknown>
  error?: { message: string }
}

export class RawPage {
  private nextId = 1
  private readonly pending = new Map<number, { resolve(v: Record<string, unknown>): void; reject(e: Error): void }>()
  private sessionId = ''

  private constructor(
    private readonly chromium: ChildProcess,
    private readonly profile: string,
  ) {
    const output = chromium.stdio[4] as Readable
    let buffered = ''
    output.setEncoding('utf8')
    output.on('data', (chunk: string) => {
      buffered += chunk
      let end: number
      while ((end = buffered.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffered.slice(0, end)) as Message
        buffered = buffered.slice(end + 1)
        const waiting = message.id === undefined ? undefined : this.pending.get(message.id)
        if (!waiting) continue
        this.pending.delete(message.id!)
        if (message.error) waiting.reject(new Error(message.error.message))
        else waiting.resolve(message.result ?? {})
      }
    })
  }

  static async launch(): Promise<RawPage> {
    const profile = mkdtempSync(join(tmpdir(), 'copydesk-cdp-'))
    const chromium = spawn(
      chromiumLaunchOptions.executablePath,
      [
        ...chromiumLaunchOptions.args,
        '--headless=new',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
        `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    )
    const page = new RawPage(chromium, profile)
    const { targetInfos } = (await page.send('Target.getTargets', {}, false)) as {
      targetInfos: { targetId: string; type: string }[]
    }
    const target = targetInfos.find((t) => t.type === 'page')
    if (!target) throw new Error('Chromium opened no page')
    const attached = await page.send('Target.attachToTarget', { targetId: target.targetId, flatten: true }, false)
    page.sessionId = attached.sessionId as string
    await page.send('Page.enable')
    await page.send('Runtime.enable')
    return page
  }

  send(method: string, params: Record<string, unknown> = {}, inPage = true): Promise<Record<string, unknown>> {
    const id = this.nextId++
    const message = JSON.stringify({ id, method, params, ...(inPage ? { sessionId: this.sessionId } : {}) })
    ;(this.chromium.stdio[3] as Writable).write(`${message}\0`)
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }))
  }

  /** Run a script in the page before its own scripts, on every navigation. */
  async addInitScript(script: (() => void) | string): Promise<void> {
    const source = typeof script === 'string' ? script : `(${script.toString()})()`
    await this.send('Page.addScriptToEvaluateOnNewDocument', { source })
  }

  async evaluate<T>(expression: string): Promise<T> {
    const reply = (await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value: T }
      exceptionDetails?: { exception?: { description?: string }; text: string }
    }
    if (reply.exceptionDetails) {
      throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text)
    }
    return reply.result.value
  }

  async waitFor(expression: string, timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs
    while (!(await this.evaluate<boolean>(expression))) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`)
      await new Promise((next) => setTimeout(next, 50))
    }
  }

  async goto(url: string): Promise<void> {
    await this.send('Page.navigate', { url })
    await this.waitFor('document.readyState === "complete"')
  }

  /** One key, as a person types it: down (with its text) and up. */
  async type(character: string): Promise<void> {
    const key = { key: character, code: character === ' ' ? 'Space' : '', text: character, unmodifiedText: character }
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key })
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', key: character, code: key.code })
  }

  /** Choose a file in a file input, as the file dialog does: by path, no bytes through the driver. */
  async setInputFile(selector: string, path: string): Promise<void> {
    const found = (await this.send('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(selector)})`,
    })) as {
      result: { objectId?: string }
    }
    if (!found.result.objectId) throw new Error(`no element matches ${selector}`)
    await this.send('DOM.setFileInputFiles', { files: [path], objectId: found.result.objectId })
  }

  async close(): Promise<void> {
    const exited = new Promise((done) => this.chromium.once('exit', done))
    await this.send('Browser.close', {}, false).catch(() => this.chromium.kill())
    await exited
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
  }
}
