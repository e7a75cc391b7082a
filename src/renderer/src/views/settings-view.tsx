/** The Settings view: loads the stored settings, then hands them to the form. */
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { SettingsForm } from '../components/settings-form'
import { ViewHeading } from '../components/view-heading'
import { useAsyncValue } from '../hooks/use-async-value'

export function SettingsView() {
  const api = useApi()
  const settings = useAsyncValue(() => api.settings.get(), [api])

  return (
    <section className="view">
      <div className="view-header">
        <ViewHeading>Settings</ViewHeading>
      </div>

      {settings.status === 'failed' && (
        <ErrorAlert onRetry={settings.reload}>{settings.message}</ErrorAlert>
      )}
      {settings.status === 'loading' && settings.value === undefined && (
        <p role="status" className="loading">
          Loading settings…
        </p>
      )}
      {settings.value && <SettingsForm initial={settings.value} />}
    </section>
  )
}
