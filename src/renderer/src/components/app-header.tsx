/** The window's top bar: the product's name and which Finch the app is talking to. */
import type { AppStatus } from '../../../shared/domain'

export function AppHeader({ status }: { status: AppStatus | undefined }) {
  return (
    <header className="app-header">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          PD
        </span>
        Payroll Desk
      </p>
      {status && <ModeBadge mode={status.mode} />}
      {status?.notices.map((notice) => (
        <p
          key={notice.movedTo}
          className="startup-notice"
          role="alert"
          data-testid="startup-notice"
        >
          {notice.message} The damaged file was kept as {notice.movedTo}.
        </p>
      ))}
    </header>
  )
}

function ModeBadge({ mode }: { mode: AppStatus['mode'] }) {
  if (mode === 'demo') {
    return (
      <p className="mode-badge mode-demo" data-testid="mode-badge">
        Demo mode — local Finch sandbox
      </p>
    )
  }

  return (
    <p className="mode-badge mode-finch" data-testid="mode-badge">
      Connected to Finch
    </p>
  )
}
