import { describe, expect, it } from 'vitest'
import type { ConnectPopUp } from '../../../src/main/browser-host/browser-connect-presenter'
import { BrowserConnectPresenter } from '../../../src/main/browser-host/browser-connect-presenter'

const REDIRECT_URI = 'http://127.0.0.1:9/connect-callback'

function presenterWithPage() {
  const opened: ConnectPopUp[] = []
  const presenter = new BrowserConnectPresenter((popUp) => opened.push(popUp))
  const present = (signal = new AbortController().signal) =>
    presenter.present({
      connectUrl: 'http://127.0.0.1:9/connect',
      redirectUri: REDIRECT_URI,
      signal,
    })
  return { presenter, opened, present }
}

describe('BrowserConnectPresenter', () => {
  it("takes only a redirect carrying the attempt's state, so a forged one cannot end it", async () => {
    const presenter = new BrowserConnectPresenter(() => undefined)
    const result = presenter.present({
      connectUrl: 'http://127.0.0.1:9/connect?session=abc&state=attempt-state',
      redirectUri: REDIRECT_URI,
      signal: new AbortController().signal,
    })

    expect(presenter.receiveRedirect(`${REDIRECT_URI}?code=x&state=forged`)).toBe(false)
    expect(presenter.receiveRedirect(`${REDIRECT_URI}?code=x`)).toBe(false)
    expect(presenter.receiveRedirect(`${REDIRECT_URI}?code=c&state=attempt-state`)).toBe(true)
    await expect(result).resolves.toBe(`${REDIRECT_URI}?code=c&state=attempt-state`)
  })

  it('ends the attempt as cancelled when the page reports its pop-up closed', async () => {
    const { presenter, opened, present } = presenterWithPage()
    const result = present()

    const ended = presenter.popUpClosed(opened[0]!.attempt)

    expect(ended).toBe(true)
    await expect(result).rejects.toMatchObject({
      code: 'connect_cancelled',
      message: expect.stringContaining('Finch Connect was closed'),
    })
    expect(presenter.receiveRedirect(`${REDIRECT_URI}?code=late`)).toBe(false)
  })

  it('ignores a closed pop-up once the redirect arrived, since Connect closes it itself', async () => {
    const { presenter, opened, present } = presenterWithPage()
    const result = present()

    presenter.receiveRedirect(`${REDIRECT_URI}?code=c&state=s`)
    const ended = presenter.popUpClosed(opened[0]!.attempt)

    expect(ended).toBe(false)
    await expect(result).resolves.toBe(`${REDIRECT_URI}?code=c&state=s`)
  })

  it('lets no report about an earlier pop-up end a later attempt', async () => {
    const { presenter, opened, present } = presenterWithPage()
    const first = new AbortController()
    const earlier = present(first.signal)
    first.abort(new Error('cancelled'))
    await earlier.catch(() => undefined)
    const later = present()

    const ended = presenter.popUpClosed(opened[0]!.attempt)

    expect(ended).toBe(false)
    expect(opened[1]!.attempt).not.toBe(opened[0]!.attempt)
    presenter.receiveRedirect(`${REDIRECT_URI}?code=c`)
    await expect(later).resolves.toContain('code=c')
  })
})
