// The unread-notification count shared by the header bell and the inbox on /me.
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../../shared/api.ts';

const POLL_MS = 60_000;
let unread: number | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function setUnread(count: number | null): void {
  if (count === unread) return;
  unread = count;
  emit();
}

export function refreshUnread(): Promise<void> {
  return api
    .listNotifications({ unread: true, limit: 1 })
    .then((res) => setUnread(res.unread))
    .catch(() => undefined);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The unread count for the signed-in user (null while unknown or signed out); polls while mounted. */
export function useUnread(userId: string | null | undefined): number | null {
  const count = useSyncExternalStore(subscribe, () => unread, () => unread);
  useEffect(() => {
    if (!userId) {
      setUnread(null);
      return;
    }
    void refreshUnread();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refreshUnread();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [userId]);
  return userId ? count : null;
}
