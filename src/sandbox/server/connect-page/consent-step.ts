/** Connect's first step: what the application asks to read, with Continue or Cancel. */
import type { ConnectSession } from '../connect-sessions'
import type { Reply } from '../reply'
import { cancelForm, cancelFormTargets, hiddenFields } from './hidden-fields'
import { html } from './html'
import { renderPage } from './page-document'

const PRODUCT_LABELS: Record<string, string> = {
  company: 'Company details: legal name, EIN, locations, bank accounts',
  directory: 'Employee directory: names, managers, departments',
  individual: 'Personal details: date of birth, contact details, address',
  ssn: 'Social Security Numbers',
  employment: 'Employment: titles, dates, income',
  payment: 'Payroll runs: pay dates, gross and net totals, taxes',
  pay_statement: 'Pay statements: earnings, taxes, deductions, contributions',
  benefits: 'Benefits and deductions',
  deduction: 'Benefits and deductions',
  documents: 'Documents such as W-4 forms',
}

export function consentStep(session: ConnectSession, state: string | null): Reply {
  const who = session.customerName ?? 'your company'
  const heading = session.reauthentication
    ? html`Reconnect the payroll system of ${who}`
    : html`Connect the payroll system of ${who}`
  // A known provider (the app named it, or this re-authenticates a connection) skips the list.
  const next = session.providerId ? '/authorize/login' : '/authorize/providers'

  return renderPage({
    title: 'Allow access',
    main: html`<h1>${heading}</h1>
      <p>This application asks to read:</p>
      <ul id="products">
        ${session.products.map((product) => html`<li>${PRODUCT_LABELS[product] ?? product}</li>`)}
      </ul>
      <div class="actions">
        <form method="get" action="${next}">
          ${hiddenFields({ session: session.id, state, provider: session.providerId })}
          <button type="submit" id="continue">Continue</button>
        </form>
        ${cancelForm(session.id, state)}
      </div>`,
    formTargets: cancelFormTargets(session),
  })
}
