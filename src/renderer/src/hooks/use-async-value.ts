/**
 * Loads a value from the back end when a component mounts or its inputs change, and keeps the
 * last value on screen while the next one loads. An answer that arrives after newer inputs were
 * asked for is dropped, so a slow page never overwrites a faster, later one.
 */
import { useCallback, useEffect, useState } from 'react'
import type { DependencyList } from 'react'
import { describeError } from '../api/api-error'

export type AsyncValue<T> =
  | { status: 'loading'; value: T | undefined }
  | { status: 'ready'; value: T }
  | { status: 'failed'; value: T | undefined; message: string }

export function useAsyncValue<T>(
  load: () => Promise<T>,
  inputs: DependencyList,
): AsyncValue<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncValue<T>>({ status: 'loading', value: undefined })
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let current = true
    setState((previous) => ({ status: 'loading', value: previous.value }))

    load().then(
      (value) => {
        if (current) setState({ status: 'ready', value })
      },
      (error: unknown) => {
        if (current) {
          setState((previous) => ({
            status: 'failed',
            value: previous.value,
            message: describeError(error),
          }))
        }
      },
    )

    return () => {
      current = false
    }
    // `load` is a fresh closure on every render; `inputs` names what it actually reads.
  }, [...inputs, generation])

  const reload = useCallback(() => setGeneration((count) => count + 1), [])
  return { ...state, reload }
}
