/**
 * What a link or image address points to, as far as safety is concerned.
 *
 * - `relative`: a path on this site (`/en/releases/…`, `./photo.jpg`, `../x`, `?page=2`).
 * - `fragment`: a place on the same page (`#background`).
 * - `network`: another website, `http:`, `https:` or protocol-relative `//host/…`.
 * - `mailto` / `tel`: an e-mail address or phone number.
 * - `forbidden`: any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, `ftp:` …); `scheme` is what the
 *   browser would see, lowercased.
 */
export type UrlKind =
  | { kind: 'relative' }
  | { kind: 'fragment' }
  | { kind: 'network'; host: string }
  | { kind: 'mailto' }
  | { kind: 'tel' }
  | { kind: 'forbidden'; scheme: string };

// Characters a browser ignores or strips in a URL, or that make a scheme hard to see for a human reviewer: C0
// controls, space, DEL, C1 controls, no-break space, soft hyphen, zero-width and bidi marks, line/paragraph
// separators, other Unicode spaces, BOM. Removing them all before looking for the scheme means "JaVa\tScript:",
// " javascript:" and "java\u200Bscript:" are all recognised, and anything odd is rejected rather than let through.
const invisible = /[\u0000-\u0020\u007F-\u00A0\u00AD\u115F\u1160\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\u3164\uFEFF]/g;
const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const networkHost = /^(?:https?:)?[/\\]{2}([^/\\?#]*)/i;

// The few named character references that can spell a scheme or hide a separator. Markdown and MDX already decode
// references in link destinations and attribute values; this catches a value that was encoded twice.
const namedReferences: Readonly<Record<string, string>> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  sol: '/',
  bsol: '\\',
  num: '#',
  quest: '?',
  period: '.',
  lpar: '(',
  rpar: ')',
};

function decodeReferences(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));?/gi, (whole, hex?: string, decimal?: string, name?: string) => {
    if (hex !== undefined || decimal !== undefined) {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(decimal ?? '', 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return namedReferences[(name ?? '').toLowerCase()] ?? whole;
  });
}

/**
 * Classifies a URL the way a browser would resolve it, robust to mixed case, whitespace, control characters and
 * character references hiding the scheme.
 *
 * @example
 * classifyUrl('https://www.iom.int/news'); // { kind: 'network', host: 'www.iom.int' }
 * classifyUrl('./photo.jpg');              // { kind: 'relative' }
 * classifyUrl('JaVa\tScript:alert(1)');    // { kind: 'forbidden', scheme: 'javascript' }
 * classifyUrl('&#106;avascript:x');        // { kind: 'forbidden', scheme: 'javascript' }
 */
export function classifyUrl(url: string): UrlKind {
  let value = url.includes('&') ? decodeReferences(url) : url;
  value = value.replace(invisible, '');
  const found = scheme.exec(value);
  const name = found?.[1]?.toLowerCase();
  if (name === 'mailto') return { kind: 'mailto' };
  if (name === 'tel') return { kind: 'tel' };
  if (name !== undefined && name !== 'http' && name !== 'https') return { kind: 'forbidden', scheme: name };
  const network = networkHost.exec(value);
  // Browsers treat `\` like `/` in http(s) URLs, so `/\evil.example` is another website too.
  if (network) return { kind: 'network', host: (network[1] ?? '').toLowerCase() };
  if (name !== undefined) return { kind: 'network', host: '' };
  if (value.startsWith('#')) return { kind: 'fragment' };
  return { kind: 'relative' };
}

/**
 * Is `url` acceptable as a link target (`href`)? http, https, mailto, tel, or a path or anchor on this site.
 *
 * @example
 * isSafeLinkUrl('mailto:press@iom.int'); // true
 * isSafeLinkUrl('data:text/html,…');     // false
 */
export function isSafeLinkUrl(url: string): boolean {
  return classifyUrl(url).kind !== 'forbidden';
}

/**
 * Is `url` acceptable as an image source? Only files of this site, unless `allowRemote`: an image from another
 * website would make every reader's browser contact that website (the site makes no third-party request).
 *
 * @example
 * isSafeImageUrl('./photo.jpg');                 // true
 * isSafeImageUrl('https://cdn.example/x.jpg');   // false
 */
export function isSafeImageUrl(url: string, allowRemote = false): boolean {
  const { kind } = classifyUrl(url);
  return kind === 'relative' || (allowRemote && kind === 'network');
}
