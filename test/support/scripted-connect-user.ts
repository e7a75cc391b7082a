/**
 * A Connect presenter for Node tests that behaves like a person finishing the sandbox's Connect
 * page: it posts the sign-in form over real HTTP and hands back the redirect the page answers
 * with. `rewrite` lets a test tamper with that redirect as an attacker could.
 */
import type {
  ConnectPresentation,
  ConnectPresenter,
} from '../../src/main/connect/connect-presenter'

export interface ScriptedConnectOptions {
  username?: string
  password?: string
  provider?: string
  rewrite?: (redirect: URL) => URL
}

export class ScriptedConnectUser implements ConnectPresenter {
  readonly redirects: string[] = []

  constructor(private readonly options: ScriptedConnectOptions = {}) {}

  async present(presentation: ConnectPresentation): Promise<string> {
    const connectUrl = new URL(presentation.connectUrl)
    const form = new URLSearchParams({
      session: connectUrl.searchParams.get('session') ?? '',
      state: connectUrl.searchParams.get('state') ?? '',
      provider: this.options.provider ?? 'gusto',
      username: this.options.username ?? 'largeco',
      password: this.options.password ?? 'letmein',
    })
    const response = await fetch(new URL('/authorize/login', connectUrl.origin), {
      method: 'POST',
      body: form,
      redirect: 'manual',
    })
    const location = response.headers.get('location')
    if (response.status !== 302 || !location) {
      throw new Error(`Connect did not redirect (HTTP ${response.status})`)
    }
    const redirect = this.options.rewrite
      ? this.options.rewrite(new URL(location))
      : new URL(location)
    this.redirects.push(redirect.toString())
    return redirect.toString()
  }
}

/** A presenter that never finishes, as when the user walks away from Connect. */
export class AbandonedConnect implements ConnectPresenter {
  present(presentation: ConnectPresentation): Promise<string> {
    return new Promise((_resolve, reject) => {
      presentation.signal.addEventListener(
        'abort',
        () => reject(presentation.signal.reason as Error),
        { once: true },
      )
    })
  }
}
