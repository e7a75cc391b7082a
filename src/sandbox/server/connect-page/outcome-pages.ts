/**
 * The pages Connect ends on when it cannot redirect: a broken or expired link, and sessions
 * created without a `redirect_uri`, where the code is shown for the developer to copy.
 */
import type { Reply } from '../reply'
import { html } from './html'
import { renderPage } from './page-document'

export function brokenLinkPage(reason: 'unknown' | 'expired' | 'invalid'): Reply {
  const message = {
    unknown: 'This Connect link is not valid. Ask the application for a new one.',
    expired: 'This Connect link has expired. Ask the application for a new one.',
    invalid: 'This Connect step was opened with missing or unknown details.',
  }[reason]

  return renderPage({
    title: 'Link not valid',
    status: reason === 'expired' ? 410 : reason === 'unknown' ? 404 : 400,
    main: html`<h1>Cannot continue</h1>
      <p role="alert" id="connect-error">${message}</p>`,
  })
}

export function codeShownPage(code: string, state: string | null): Reply {
  return renderPage({
    title: 'Connected',
    main: html`<h1>Connected</h1>
      <p>The session has no redirect URI, so here is the authorization code to exchange:</p>
      <output id="authorization-code">${code}</output>
      ${state === null ? '' : html`<p>State: <output id="state">${state}</output></p>`}`,
  })
}

export function cancelledPage(): Reply {
  return renderPage({
    title: 'Cancelled',
    main: html`<h1>Cancelled</h1>
      <p id="connect-cancelled">No connection was made. You can close this window.</p>`,
  })
}
