// The renderer's one way into the core: `call(method, input)`, typed from the contract, over IPC or HTTP.
import {
  BRIDGE_GLOBAL,
  type ApiError,
  type DesktopBridge,
  type Envelope,
  type Input,
  type Method,
  type Output,
} from '../../../db/contract';

/** A refusal or failure from the core, carrying its code so screens can say something friendly. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly details: ApiError['details'];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }
  /** Field errors reported by the core, keyed by dotted path. */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.details?.fields ?? []) out[f.path] ??= f.message;
    return out;
  }
}

type Transport = (method: string, input: unknown, signal?: AbortSignal) => Promise<Envelope<unknown>>;

/** Per-call options; all optional, so every existing `call(method, input)` stays as it is. */
export interface CallOptions {
  /** Lets a caller drop an answer nobody waits for any more (a search overtaken by the next keystroke). */
  signal?: AbortSignal;
}

export function desktopBridge(): DesktopBridge | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return candidate && typeof (candidate as DesktopBridge).invoke === 'function' ? (candidate as DesktopBridge) : null;
}

const httpTransport: Transport = async (method, input, signal) => {
  let response: Response;
  try {
    response = await fetch(`api/${encodeURIComponent(method)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      signal,
    });
  } catch (err) {
    // An abort is the caller's own doing: rethrow it as it is (TanStack Query recognises it), not as 'not reachable'.
    if (signal?.aborted) throw err;
    return {
      ok: false,
      error: { code: 'TRANSPORT', message: 'StrokeDesk is not reachable. Is it still running?', details: null },
    };
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'TRANSPORT', message: `Unexpected answer (${response.status}).`, details: null },
    };
  }
};

/** Electron's bridge when the preload put it there, else the loopback host that served this page. */
function pickTransport(): Transport {
  const bridge = desktopBridge();
  return bridge ? (method, input) => bridge.invoke(method, input) : httpTransport;
}

let transport: Transport | null = null;
const unauthenticatedListeners = new Set<() => void>();

/**
 * Screens never see IPC or fetch: they call this. An aborted call rejects with the signal's reason; over HTTP the
 * request itself is cancelled, over IPC the answer is simply dropped (the core's work is a millisecond or so).
 */
export async function call<M extends Method>(
  method: M,
  input: Input<M>,
  options: CallOptions = {},
): Promise<Output<M>> {
  const { signal } = options;
  signal?.throwIfAborted();
  transport ??= pickTransport();
  const envelope = await transport(method, input, signal);
  signal?.throwIfAborted();
  if (envelope.ok) return envelope.value as Output<M>;
  if (envelope.error.code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((listener) => listener());
  throw new ApiCallError(envelope.error);
}

/** The app shell listens here to return to the sign-in screen when a session ends. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}
