/**
 * Edits how the app reaches Finch. The client secret is write-only: the back end only says
 * whether one is stored, the field is never filled in, and leaving it blank keeps the stored one.
 */
import { useId, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import type { AppSettings } from '../../../shared/domain'
import type { IpcArguments } from '../../../shared/ipc-contract'
import { ApiError, describeError } from '../api/api-error'
import { useApi } from '../api/api-context'
import { invalidFieldsOf } from '../api/invalid-fields'
import { ErrorAlert } from './error-alert'

type SettingsChange = IpcArguments<'settings.update'>
type TextField = 'clientId' | 'clientSecret' | 'redirectUri' | 'finchBaseUrl'

const TEXT_FIELDS: readonly TextField[] = [
  'clientId',
  'clientSecret',
  'redirectUri',
  'finchBaseUrl',
]

interface Draft {
  mode: AppSettings['mode']
  clientId: string
  clientSecret: string
  redirectUri: string
  finchBaseUrl: string
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; message: string; invalid: ReadonlySet<TextField> }

export function SettingsForm({ initial }: { initial: AppSettings }) {
  const api = useApi()
  const id = useId()
  const [saved, setSaved] = useState(initial)
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial))
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' })

  const invalid = outcome.kind === 'failed' ? outcome.invalid : new Set<TextField>()
  const edit = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }))

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (outcome.kind === 'saving') return
    setOutcome({ kind: 'saving' })

    try {
      const stored = await api.settings.update(changeFrom(draft))
      setSaved(stored)
      setDraft(draftOf(stored))
      setOutcome({ kind: 'saved' })
    } catch (error) {
      const invalid: ReadonlySet<TextField> =
        error instanceof ApiError ? invalidFieldsOf(error, TEXT_FIELDS) : new Set()
      setOutcome({ kind: 'failed', message: describeError(error), invalid })
    }
  }

  return (
    <form className="panel settings-form" onSubmit={(event) => void save(event)} noValidate>
      <fieldset className="field">
        <legend>Mode</legend>
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
        label="Client ID"
        value={draft.clientId}
        invalid={invalid.has('clientId')}
        onChange={(clientId) => edit({ clientId })}
      />

      <TextInput
        id={`${id}-client-secret`}
        label="Client secret"
        type="password"
        value={draft.clientSecret}
        invalid={invalid.has('clientSecret')}
        autoComplete="new-password"
        hint={
          <span data-testid="client-secret-state">
            {saved.hasClientSecret
              ? 'A client secret is stored. Type a new one to replace it, or leave this blank to keep it.'
              : 'No client secret is stored yet.'}
          </span>
        }
        onChange={(clientSecret) => edit({ clientSecret })}
      />

      <TextInput
        id={`${id}-redirect-uri`}
        label="Redirect URI"
        type="url"
        value={draft.redirectUri}
        invalid={invalid.has('redirectUri')}
        onChange={(redirectUri) => edit({ redirectUri })}
      />

      <TextInput
        id={`${id}-finch-base-url`}
        label="Finch API base URL"
        type="url"
        value={draft.finchBaseUrl}
        invalid={invalid.has('finchBaseUrl')}
        onChange={(finchBaseUrl) => edit({ finchBaseUrl })}
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
          {outcome.kind === 'saving'
            ? 'Saving…'
            : outcome.kind === 'saved'
              ? 'Settings saved.'
              : ''}
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
  type = 'text',
  autoComplete = 'off',
  hint,
}: {
  id: string
  label: string
  value: string
  invalid: boolean
  onChange: (value: string) => void
  type?: 'text' | 'password' | 'url'
  autoComplete?: string
  hint?: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
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
  }
}

/** Blank fields are left out: the contract has no way to clear a value, only to replace it. */
function changeFrom(draft: Draft): SettingsChange {
  const change: SettingsChange = { mode: draft.mode }
  const clientId = draft.clientId.trim()
  const redirectUri = draft.redirectUri.trim()
  const finchBaseUrl = draft.finchBaseUrl.trim()

  if (clientId) change.clientId = clientId
  if (draft.clientSecret) change.clientSecret = draft.clientSecret
  if (redirectUri) change.redirectUri = redirectUri
  if (finchBaseUrl) change.finchBaseUrl = finchBaseUrl
  return change
}
