import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cspHeader } from '@iom/ui/content-security-policy';

/**
 * Writes `_headers` (the format of Netlify, Cloudflare Pages and others) with the Content-Security-Policy and
 * caching: hashed assets are immutable, everything else revalidates. Pages carry the same policy in a `<meta>`
 * tag for hosts that ignore this file and for offline mirrors.
 */
export function securityHeaders(options: { base: string }): AstroIntegration {
  return {
    name: 'iom-security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
        const lines = [
          `${base}*`,
          `  Content-Security-Policy: ${cspHeader}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
          '  Cross-Origin-Opener-Policy: same-origin',
          `${base}_astro/*`,
          '  Cache-Control: public, max-age=31536000, immutable',
          `${base}pagefind/*`,
          '  Cache-Control: public, max-age=3600',
          '',
        ];
        await writeFile(path.join(fileURLToPath(dir), '_headers'), lines.join('\n'));
      },
    },
  };
}
