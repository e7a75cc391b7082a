/**
 * The Settings view: what this computer's policy says (if it has one), then the stored settings
 * in the form, then this window's appearance. An invalid policy is shown to the accountant with
 * the administrator's fix in it.
 */
import type { PolicyStatus } from '../../../shared/domain'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { SettingsForm } from '../components/settings-form'
import { ThemePicker } from '../components/theme-picker'
import { ViewHeading } from '../components/view-heading'
import { useAsyncValue } from '../hooks/use-async-value'
import '../styles/connections.css'

export function SettingsView() {
  const api = useApi()
  const settings = useAsyncValue(() => api.settings.get(), [api])
  const policy = useAsyncValue(() => api.settings.policy(), [api])

  return (
    <section className="view">
      <div className="view-header">
        <ViewHeading>Settings</ViewHeading>
      </div>

      {policy.value && <PolicyNotice policy={policy.value} />}

      {settings.status === 'failed' && (
        <ErrorAlert onRetry={settings.reload}>{settings.message}</ErrorAlert>
      )}
      {settings.status === 'loading' && settings.value === undefined && (
        <p role="status" className="loading">
          Loading settings…
        </p>
      )}
      {settings.value && <SettingsForm initial={settings.value} />}
      <ThemePicker />
    </section>
  )
}

function PolicyNotice({ policy }: { policy: PolicyStatus }) {
  if (policy.status === 'invalid') {
    return (
      <ErrorAlert>
        <span data-testid="policy-problem">{policy.problem}</span>
      </ErrorAlert>
    )
  }
  if (policy.status === 'applied' && policy.managed.length > 0) {
    return (
      <p className="field-hint" data-testid="policy-applied">
        Some settings are set by this computer’s policy (<code>{policy.path}</code>) and are shown
        read-only.
      </p>
    )
  }
  return null
}
