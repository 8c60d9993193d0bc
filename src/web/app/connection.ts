import { useSyncExternalStore } from 'react';

/**
 * Whether the server can be reached. Any request that cannot get through (the fetch itself
 * fails, or a proxy answers 502/503/504 because the app behind it is away) marks the
 * connection lost; from then on `GET /api/health` is asked with a growing pause until it
 * answers, and any answer from the server marks the connection back. The app follows this one
 * state instead of every screen guessing from its own errors: one banner, queries paused while
 * it lasts (TanStack Query's online manager is fed from here, see App.tsx), refetched after.
 */

export interface ConnectionMonitor {
  isLost(): boolean;
  /** A request could not get through. */
  markLost(): void;
  /** The server answered something (any status but a proxy's "nobody behind me"). */
  markBack(): void;
  /** Asks the server now instead of waiting out the pause ("Try now", the browser's online event). */
  probeNow(): void;
  /** The listener hears `true` when the connection is lost and `false` when it is back. */
  subscribe(listener: (lost: boolean) => void): () => void;
}

export interface MonitorOptions {
  /** Resolves to true when the server answered its health check. */
  probe: () => Promise<boolean>;
  delay?: (attempt: number) => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** 1 s, 2 s, 4 s, 8 s, then every 10 s: quick for a blip, gentle on a server that is restarting. */
export function probeDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 10_000);
}

export function createConnectionMonitor({
  probe,
  delay = probeDelay,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: MonitorOptions): ConnectionMonitor {
  let lost = false;
  let attempt = 0;
  let timer: unknown = null;
  let probing = false;
  const listeners = new Set<(lost: boolean) => void>();

  const cancelTimer = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
  const schedule = () => {
    cancelTimer();
    timer = setTimer(() => {
      timer = null;
      void check();
    }, delay(attempt));
  };
  const check = async () => {
    // One probe at a time: "Try now" pressed twice must not double the requests.
    if (probing || !lost) return;
    probing = true;
    const answered = await probe().catch(() => false);
    probing = false;
    if (!lost) return;
    if (answered) monitor.markBack();
    else {
      attempt += 1;
      schedule();
    }
  };
  const emit = () => {
    for (const listener of [...listeners]) listener(lost);
  };

  const monitor: ConnectionMonitor = {
    isLost: () => lost,
    markLost() {
      if (lost) return;
      lost = true;
      attempt = 0;
      emit();
      schedule();
    },
    markBack() {
      if (!lost) return;
      lost = false;
      cancelTimer();
      emit();
    },
    probeNow() {
      if (!lost) return;
      cancelTimer();
      void check().then(() => {
        // A probe was already under way: it schedules the next one itself.
        if (lost && timer === null && !probing) schedule();
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return monitor;
}

/** Long enough for a busy server, short enough that a hung one counts as away. */
const PROBE_TIMEOUT_MS = 5_000;

async function probeHealth(): Promise<boolean> {
  try {
    const response = await fetch('/api/health', {
      cache: 'no-store',
      credentials: 'same-origin',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** The app's one monitor. */
export const connection = createConnectionMonitor({ probe: probeHealth });

/**
 * The browser knows before any request when the network itself goes (Wi-Fi off); when it
 * comes back, ask the server at once rather than at the end of the current pause. Coming back
 * to the tab does the same, since timers are slowed down in background tabs.
 */
export function watchBrowserNetwork(monitor: ConnectionMonitor = connection): () => void {
  const offline = () => monitor.markLost();
  const online = () => monitor.probeNow();
  const visible = () => {
    if (document.visibilityState === 'visible') monitor.probeNow();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  document.addEventListener('visibilitychange', visible);
  return () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
    document.removeEventListener('visibilitychange', visible);
  };
}

export function useConnectionLost(monitor: ConnectionMonitor = connection): boolean {
  return useSyncExternalStore(monitor.subscribe, monitor.isLost);
}
