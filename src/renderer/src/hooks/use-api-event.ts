/**
 * Listens to one back-end event while a component is mounted. The latest listener is always the
 * one called, so callers may pass an inline function without resubscribing on every render.
 */
import { useEffect, useRef } from 'react'
import type { IpcEvent, IpcEventPayloads } from '../../../shared/ipc-contract'
import { useApi } from '../api/api-context'

export function useApiEvent<E extends IpcEvent>(
  event: E,
  listener: (payload: IpcEventPayloads[E]) => void,
): void {
  const api = useApi()
  const latest = useRef(listener)

  useEffect(() => {
    latest.current = listener
  })

  useEffect(() => api.onEvent(event, (payload) => latest.current(payload)), [api, event])
}
