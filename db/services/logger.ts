// The core's logger. Logs carry method names, ids, counts and durations — never patient data.
export interface Logger {
  info(message: string, meta?: Record<string, string | number | boolean | null>): void;
  error(message: string, err: unknown, meta?: Record<string, string | number | boolean | null>): void;
}
export const stderrLogger: Logger = {
  info: (message, meta) => console.error(`[core] ${message}`, meta ?? ''),
  error: (message, err, meta) => console.error(`[core] ${message}`, meta ?? '', err),
};
export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
