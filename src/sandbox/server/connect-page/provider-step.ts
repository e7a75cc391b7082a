/** Connect's second step: the employer picks the payroll provider to sign in to. */
import type { ConnectSession } from '../connect-sessions'
import type { Reply } from '../reply'
import { SANDBOX_PROVIDERS } from '../sandbox-providers'
import { cancelForm, cancelFormTargets, hiddenFields } from './hidden-fields'
import { html } from './html'
import { renderPage } from './page-document'

export function providerStep(session: ConnectSession, state: string | null): Reply {
  return renderPage({
    title: 'Choose your provider',
    main: html`<h1>Choose your payroll provider</h1>
      <form method="get" action="/authorize/login" class="providers">
        ${hiddenFields({ session: session.id, state })}
        ${SANDBOX_PROVIDERS.map(
          (provider) =>
            html`<button
              type="submit"
              name="provider"
              value="${provider.id}"
              id="provider-${provider.id}"
            >
              ${provider.displayName}
            </button>`,
        )}
      </form>
      ${cancelForm(session.id, state)}`,
    formTargets: cancelFormTargets(session),
  })
}
