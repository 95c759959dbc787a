import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mediaPrefix } from '@iom/content-model';

const types: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif', '.svg': 'image/svg+xml', '.pdf': 'application/pdf' };

/**
 * Publishes content/media/ at `/media/`: copied into the build output, served by `astro dev`. Images named in
 * content are also turned into responsive copies by astro:assets (src/lib/media.ts); the originals stay available
 * for documents, downloads and as the fallback source.
 */
export function contentMedia(options: { mediaDir: string }): AstroIntegration {
  return {
    name: 'iom-content-media',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const url = new URL(request.url ?? '/', 'http://localhost');
          const index = url.pathname.indexOf(mediaPrefix);
          if (index < 0) return next();
          const file = path.resolve(options.mediaDir, decodeURIComponent(url.pathname.slice(index + mediaPrefix.length)));
          if (!file.startsWith(options.mediaDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          response.setHeader('content-type', types[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': async ({ dir }) => {
        if (existsSync(options.mediaDir)) await cp(options.mediaDir, path.join(fileURLToPath(dir), 'media'), { recursive: true, filter: (source) => !source.endsWith('.md') });
      },
    },
  };
}
