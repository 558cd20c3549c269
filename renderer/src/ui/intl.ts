// Cached Intl formatters: building one costs far more than using it, and a list builds hundreds per screen.
type Locales = string | readonly string[] | undefined;

const cache = new Map<string, unknown>();

/** The formatter for these locales and options, built once per page (options are plain data, so JSON names them). */
function cached<T>(kind: string, locales: Locales, options: object | undefined, build: () => T): T {
  const key = `${kind}|${String(locales)}|${options === undefined ? '' : JSON.stringify(options)}`;
  let found = cache.get(key) as T | undefined;
  if (found === undefined) {
    found = build();
    cache.set(key, found);
  }
  return found;
}

export const dateTimeFormat = (locales: Locales, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached('dt', locales, options, () => new Intl.DateTimeFormat(locales as string[], options));

export const numberFormat = (locales: Locales, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached('n', locales, options, () => new Intl.NumberFormat(locales as string[], options));

export const displayNames = (locales: Locales, options: Intl.DisplayNamesOptions): Intl.DisplayNames =>
  cached('dn', locales, options, () => new Intl.DisplayNames(locales as string[], options));

export const listFormat = (locales: Locales, options?: Intl.ListFormatOptions): Intl.ListFormat =>
  cached('l', locales, options, () => new Intl.ListFormat(locales as string[], options));

export const collator = (locales: Locales, options?: Intl.CollatorOptions): Intl.Collator =>
  cached('c', locales, options, () => new Intl.Collator(locales as string[], options));
