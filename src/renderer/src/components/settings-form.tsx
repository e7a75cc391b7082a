/**
 * Edits how the app reaches Finch. The client secret is write-only: the back end only says
 * whether one is stored, the field is never filled in, leaving it blank keeps the stored one, and
 * it can be removed. Settings the machine policy sets are shown read-only and never sent back.
 */
import { useId, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import type { AppSettings, ManagedSetting } from '../../../shared/domain'
import type { IpcArguments } from '../../../shared/ipc-contract'
import { ApiError, describeError } from '../api/api-error'
import { useApi } from '../api/api-context'
import type { FieldWords } from '../api/invalid-fields'
import { describeInvalidFields, invalidFieldsOf } from '../api/invalid-fields'
import { ErrorAlert } from './error-alert'

type SettingsChange = IpcArguments<'settings.update'>
type TextField =
  'clientId' | 'clientSecret' | 'redirectUri' | 'finchBaseUrl' | 'browserCallbackPort'

/** Each field's label, and the rule a refused value is explained by. */
const FIELD_WORDS: Readonly<Record<TextField, FieldWords>> = {
  clientId: { label: 'Client ID', rule: 'enter the client ID of your Finch application' },
  clientSecret: {
    label: 'Client secret',
    rule: 'must be printable characters without spaces, at most 500',
  },
  redirectUri: { label: 'Redirect URI', rule: 'must be an http or https address' },
  finchBaseUrl: { label: 'Finch API base URL', rule: 'must be an http or https address' },
  browserCallbackPort: {
    label: 'Browser callback port',
    rule: 'must be between 1024 and 65535, or blank for any free port',
  },
}

const TEXT_FIELDS = Object.keys(FIELD_WORDS) as TextField[]

const MANAGED_HINT = 'Set by this computer’s policy; an administrator can change it.'

interface Draft {
  mode: AppSettings['mode']
  clientId: string
  clientSecret: string
  redirectUri: string
  finchBaseUrl: string
  browserCallbackPort: string
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'saving' }
  | { kind: 'saved'; message: string }
  | { kind: 'failed'; message: string; invalid: ReadonlySet<TextField> }

export function SettingsForm({ initial }: { initial: AppSettings }) {
  const api = useApi()
  const id = useId()
  const [saved, setSaved] = useState(initial)
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial))
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' })

  const invalid = outcome.kind === 'failed' ? outcome.invalid : new Set<TextField>()
  const managed = new Set<ManagedSetting>(saved.managed)
  const edit = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }))

  async function run(action: () => Promise<AppSettings>, message: string) {
    if (outcome.kind === 'saving') return
    setOutcome({ kind: 'saving' })
    try {
      const stored = await action()
      setSaved(stored)
      setDraft(draftOf(stored))
      setOutcome({ kind: 'saved', message })
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setOutcome({ kind: 'failed', message: describeError(error), invalid: new Set() })
        return
      }
      // The back end names fields by their internal names; the form says it with its labels.
      setOutcome({
        kind: 'failed',
        message: describeInvalidFields(error, FIELD_WORDS) ?? describeError(error),
        invalid: invalidFieldsOf(error, TEXT_FIELDS),
      })
    }
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const port = draft.browserCallbackPort.trim()
    if (port !== '' && !/^\d{1,5}$/.test(port)) {
      setOutcome({
        kind: 'failed',
        message:
          'Enter the browser callback port as a number from 1024 to 65535, or leave it blank.',
        invalid: new Set(['browserCallbackPort']),
      })
      return
    }
    void run(() => api.settings.update(changeFrom(draft, managed)), 'Settings saved.')
  }

  return (
    <form className="panel settings-form" onSubmit={save} noValidate>
      <fieldset className="field" disabled={managed.has('mode')}>
        <legend>Environment</legend>
        {managed.has('mode') && <p className="managed-note">{MANAGED_HINT}</p>}
        <label className="radio">
          <input
            type="radio"
            name="mode"
            value="demo"
            checked={draft.mode === 'demo'}
            onChange={() => edit({ mode: 'demo' })}
          />
          Demo: local sandbox
        </label>
        <label className="radio">
          <input
            type="radio"
            name="mode"
            value="finch"
            checked={draft.mode === 'finch'}
            onChange={() => edit({ mode: 'finch' })}
          />
          Finch
        </label>
      </fieldset>

      <TextInput
        id={`${id}-client-id`}
        label={FIELD_WORDS.clientId.label}
        value={draft.clientId}
        invalid={invalid.has('clientId')}
        managed={managed.has('clientId')}
        onChange={(clientId) => edit({ clientId })}
      />

      <TextInput
        id={`${id}-client-secret`}
        label={FIELD_WORDS.clientSecret.label}
        type="password"
        value={draft.clientSecret}
        invalid={invalid.has('clientSecret')}
        autoComplete="new-password"
        hint={
          <span data-testid="client-secret-state">
            {saved.hasClientSecret
              ? 'A client secret is stored in the keychain. Type a new one to replace it, or leave this blank to keep it.'
              : 'No client secret is stored yet.'}
          </span>
        }
        onChange={(clientSecret) => edit({ clientSecret })}
      />
      {saved.hasClientSecret && (
        <div>
          <button
            type="button"
            className="button"
            aria-disabled={outcome.kind === 'saving'}
            onClick={() =>
              void run(
                () => api.settings.removeClientSecret(),
                'The client secret was removed from the keychain.',
              )
            }
          >
            Remove the stored client secret
          </button>
        </div>
      )}

      <TextInput
        id={`${id}-redirect-uri`}
        label={FIELD_WORDS.redirectUri.label}
        type="url"
        value={draft.redirectUri}
        invalid={invalid.has('redirectUri')}
        managed={managed.has('redirectUri')}
        onChange={(redirectUri) => edit({ redirectUri })}
      />

      <TextInput
        id={`${id}-finch-base-url`}
        label={FIELD_WORDS.finchBaseUrl.label}
        type="url"
        value={draft.finchBaseUrl}
        invalid={invalid.has('finchBaseUrl')}
        managed={managed.has('finchBaseUrl')}
        onChange={(finchBaseUrl) => edit({ finchBaseUrl })}
      />

      <TextInput
        id={`${id}-callback-port`}
        label={FIELD_WORDS.browserCallbackPort.label}
        inputMode="numeric"
        value={draft.browserCallbackPort}
        invalid={invalid.has('browserCallbackPort')}
        managed={managed.has('browserCallbackPort')}
        hint={
          managed.has('browserCallbackPort')
            ? undefined
            : 'When Finch Connect opens "In my web browser", Finch returns to http://127.0.0.1:<port>/callback. Leave blank for any free port, or set the port of the redirect URI registered with Finch.'
        }
        onChange={(browserCallbackPort) => edit({ browserCallbackPort })}
      />

      {outcome.kind === 'failed' && <ErrorAlert>{outcome.message}</ErrorAlert>}

      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={outcome.kind === 'saving'}
        >
          Save
        </button>
        <p role="status" className="save-status">
          {outcome.kind === 'saving' ? 'Saving…' : outcome.kind === 'saved' ? outcome.message : ''}
        </p>
      </div>
    </form>
  )
}

function TextInput({
  id,
  label,
  value,
  invalid,
  onChange,
  managed = false,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  hint,
}: {
  id: string
  label: string
  value: string
  invalid: boolean
  onChange: (value: string) => void
  managed?: boolean
  type?: 'text' | 'password' | 'url'
  inputMode?: 'numeric'
  autoComplete?: string
  hint?: ReactNode
}) {
  const note = managed ? MANAGED_HINT : hint
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {note && (
        <p id={`${id}-hint`} className={managed ? 'field-hint managed-note' : 'field-hint'}>
          {note}
        </p>
      )}
      <input
        id={id}
        type={type}
        value={value}
        readOnly={managed}
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={note ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  )
}

function draftOf(settings: AppSettings): Draft {
  return {
    mode: settings.mode,
    clientId: settings.clientId ?? '',
    clientSecret: '',
    redirectUri: settings.redirectUri,
    finchBaseUrl: settings.finchBaseUrl,
    browserCallbackPort:
      settings.browserCallbackPort === null ? '' : String(settings.browserCallbackPort),
  }
}

/**
 * Blank fields are left out (the contract has no way to clear them), except the port, whose
 * blank means "any free port". Managed settings are never sent: the policy decides them.
 */
function changeFrom(draft: Draft, managed: ReadonlySet<ManagedSetting>): SettingsChange {
  const change: SettingsChange = {}
  const clientId = draft.clientId.trim()
  const redirectUri = draft.redirectUri.trim()
  const finchBaseUrl = draft.finchBaseUrl.trim()
  const port = draft.browserCallbackPort.trim()

  if (!managed.has('mode')) change.mode = draft.mode
  if (clientId && !managed.has('clientId')) change.clientId = clientId
  if (draft.clientSecret) change.clientSecret = draft.clientSecret
  if (redirectUri && !managed.has('redirectUri')) change.redirectUri = redirectUri
  if (finchBaseUrl && !managed.has('finchBaseUrl')) change.finchBaseUrl = finchBaseUrl
  if (!managed.has('browserCallbackPort')) {
    change.browserCallbackPort = port === '' ? null : Number(port)
  }
  return change
}
