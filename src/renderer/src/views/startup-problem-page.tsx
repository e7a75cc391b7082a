/**
 * The full-page message shown when the app cannot run at all: the page was opened without the
 * bridge to the back end, or the interface hit an error it could not recover from.
 */
import type { ReactNode } from 'react'

export function StartupProblemPage({
  title,
  children,
  onReload,
}: {
  title: string
  children: ReactNode
  onReload?: () => void
}) {
  return (
    <main className="startup-problem">
      <div className="panel startup-problem-panel" role="alert" data-testid="startup-problem">
        <h1>{title}</h1>
        {children}
        {onReload && (
          <button type="button" className="button button-primary" onClick={onReload}>
            Reload
          </button>
        )}
      </div>
    </main>
  )
}

export function MissingBridgePage() {
  return (
    <StartupProblemPage title="Payroll Desk cannot reach its back end">
      <p>
        This window was opened without the connection to the Payroll Desk application, so it cannot
        read any payroll data.
      </p>
      <p>
        Start Payroll Desk from its own application icon, or with <code>npm start</code> during
        development, rather than opening this page in a web browser.
      </p>
    </StartupProblemPage>
  )
}
