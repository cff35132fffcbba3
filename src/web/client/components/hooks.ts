import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.js';

/** Loads something from the API, with a reload; `pollMs` re-loads while `poll(data)` says so. */
export function useData<T>(load: () => Promise<T>, deps: unknown[], poll?: { ms: number; while: (d: T) => boolean }) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState('');
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError('');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (!poll || data === undefined || !poll.while(data)) return;
    const t = setTimeout(() => void reload(), poll.ms);
    return () => clearTimeout(t);
  }, [data, reload]);
  return { data, error, reload, setData };
}

/** A submitted form's fields by name. */
export const formFields = (e: Event) => Object.fromEntries(new FormData(e.target as HTMLFormElement)) as Record<string, string>;

/** Runs an action, keeping its error message for display. */
export function useAction() {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async <T,>(f: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError('');
    try {
      return await f();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run, setError };
}
