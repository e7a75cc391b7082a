/**
 * Stands in for the system browser in Node tests: `openExternal` records the URL and, like a
 * person at the browser, finishes the sandbox's Connect page over HTTP and follows the redirect
 * to the app's loopback listener. Hooks let a test tamper with or delay that callback.
 */
export interface SystemBrowserOptions {
  username?: string
  /** Changes the callback URL before it is requested, as an attacker's page could. */
  rewrite?: (callback: URL) => URL
  /** Runs before the callback is requested, e.g. to cancel the attempt first. */
  beforeCallback?: (callback: URL) => Promise<void>
  /** Requests the same callback again after the first answer. */
  repeat?: boolean
  /** Signs in but never comes back, as when the user closes the tab. */
  abandon?: boolean
}

export interface CallbackAnswer {
  url: string
  status: number | 'refused'
  body: string
}

export class SystemBrowserDouble {
  readonly opened: string[] = []
  readonly answers: CallbackAnswer[] = []
  readonly errors: unknown[] = []
  private done: Promise<void> = Promise.resolve()

  constructor(private readonly options: SystemBrowserOptions = {}) {}

  readonly openExternal = async (url: string): Promise<void> => {
    this.opened.push(url)
    this.done = this.signIn(url).catch((error: unknown) => {
      this.errors.push(error)
    })
  }

  /** Resolves once the browser has done everything it was going to do. */
  finished(): Promise<void> {
    return this.done
  }

  private async signIn(connectUrl: string): Promise<void> {
    const url = new URL(connectUrl)
    const form = new URLSearchParams({
      session: url.searchParams.get('session') ?? '',
      state: url.searchParams.get('state') ?? '',
      provider: 'gusto',
      username: this.options.username ?? 'smallco',
      password: 'letmein',
    })
    const response = await fetch(new URL('/authorize/login', url.origin), {
      method: 'POST',
      body: form,
      redirect: 'manual',
    })
    const location = response.headers.get('location')
    if (response.status !== 302 || !location) {
      throw new Error(`Connect did not redirect (HTTP ${response.status})`)
    }
    if (this.options.abandon) return

    let callback = new URL(location)
    if (this.options.rewrite) callback = this.options.rewrite(callback)
    await this.options.beforeCallback?.(callback)
    await this.request(callback.toString())
    if (this.options.repeat) await this.request(callback.toString())
  }

  async request(url: string): Promise<CallbackAnswer> {
    let answer: CallbackAnswer
    try {
      const response = await fetch(url, { redirect: 'manual' })
      answer = { url, status: response.status, body: await response.text() }
    } catch {
      answer = { url, status: 'refused', body: '' }
    }
    this.answers.push(answer)
    return answer
  }
}
