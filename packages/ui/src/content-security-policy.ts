/**
 * The site's Content-Security-Policy, one source for the `<meta>` tag on every page (so offline mirrors carry it)
 * and the `_headers` file for static hosts. Strict: no inline script or style, no eval; Pagefind needs
 * WebAssembly compilation (`'wasm-unsafe-eval'`) and a worker. Nothing is allowed from another origin.
 */
export const cspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

/** Directives that only work as an HTTP header (a `<meta>` policy ignores them). */
export const cspHeaderOnlyDirectives = { 'frame-ancestors': ["'none'"] } as const;

const serialize = (directives: Record<string, readonly string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

/** The policy for `<meta http-equiv="Content-Security-Policy">`. */
export const cspMeta = serialize(cspDirectives);

/** The policy for the HTTP header, with the header-only directives. */
export const cspHeader = serialize({ ...cspDirectives, ...cspHeaderOnlyDirectives });
