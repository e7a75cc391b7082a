/**
 * A person's SSN, masked to its last four digits, with a reveal the accountant must confirm.
 * Confirming asks main for the full number, which main records in the audit trail (who, whose,
 * when) before answering. The number lives only in this component's state: leaving the page,
 * or pressing Hide, forgets it, and it is never written to a log or an export from here.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useApi } from '../api/api-context'
import { describeError } from '../api/api-error'
import { formatMissingSsn } from '../format/format-missing-ssn'

type RevealState =
  | { step: 'masked' }
  | { step: 'confirming' }
  | { step: 'revealing' }
  | { step: 'revealed'; ssn: string }

export function PersonSsn({
  connectionId,
  individualId,
  personName,
  ssnLast4,
  canReveal,
  connectionProducts,
}: {
  connectionId: string
  individualId: string
  personName: string
  ssnLast4: string | null
  canReveal: boolean
  /** The products the connection was granted; undefined until they are read. */
  connectionProducts: readonly string[] | undefined
}) {
  const api = useApi()
  const id = useId()
  const [state, setState] = useState<RevealState>({ step: 'masked' })
  const [failure, setFailure] = useState<string | null>(null)
  const revealButton = useRef<HTMLButtonElement>(null)
  const hideButton = useRef<HTMLButtonElement>(null)
  // The confirmation's buttons go away with it; focus moves to the button that takes their place,
  // so a keyboard user is not dropped at the top of the page.
  const returnFocus = useRef(false)
  useEffect(() => {
    if (!returnFocus.current) return
    if (state.step === 'masked') {
      returnFocus.current = false
      revealButton.current?.focus()
    } else if (state.step === 'revealed') {
      returnFocus.current = false
      hideButton.current?.focus()
    }
  }, [state.step])

  async function reveal() {
    setState({ step: 'revealing' })
    setFailure(null)
    try {
      const revealed = await api.person.revealSsn({ connectionId, individualId, confirmed: true })
      returnFocus.current = true
      setState({ step: 'revealed', ssn: revealed.ssn })
    } catch (error) {
      returnFocus.current = true
      setState({ step: 'masked' })
      setFailure(describeError(error))
    }
  }

  if (ssnLast4 === null && !canReveal) {
    return <span data-testid="person-ssn">{formatMissingSsn(connectionProducts)}</span>
  }

  return (
    <div className="person-ssn">
      <span className="masked-number" data-testid="person-ssn">
        {state.step === 'revealed' ? state.ssn : `•••-••-${ssnLast4 ?? '••••'}`}
      </span>
      {canReveal && state.step === 'masked' && (
        <button
          ref={revealButton}
          type="button"
          className="button button-quiet"
          onClick={() => setState({ step: 'confirming' })}
        >
          Reveal SSN
        </button>
      )}
      {state.step === 'revealed' && (
        <button
          ref={hideButton}
          type="button"
          className="button button-quiet"
          onClick={() => setState({ step: 'masked' })}
        >
          Hide SSN
        </button>
      )}
      {(state.step === 'confirming' || state.step === 'revealing') && (
        <div
          className="alert alert-notice unmask-confirm"
          role="alertdialog"
          aria-labelledby={`${id}-confirm`}
          data-testid="ssn-reveal-confirm"
        >
          <p id={`${id}-confirm`} className="alert-message">
            Show the full SSN of {personName}? The reveal is recorded in the audit trail with your
            user name and the time. It is hidden again when you leave this page.
          </p>
          <div className="alert-actions">
            <button
              type="button"
              className="button"
              aria-disabled={state.step === 'revealing'}
              onClick={() => {
                if (state.step === 'confirming') void reveal()
              }}
            >
              Show the full SSN
            </button>
            <button
              type="button"
              className="button"
              autoFocus
              onClick={() => {
                returnFocus.current = true
                setState({ step: 'masked' })
              }}
            >
              Keep it masked
            </button>
          </div>
        </div>
      )}
      {failure && (
        <p role="alert" className="field-problem">
          {failure}
        </p>
      )}
    </div>
  )
}
