import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchPages } from '@iom/site-build';
import { buildConcurrency, contentDir, siteBase, siteCacheDir, siteOutDir, siteUrl } from './src/site-config.ts';
import { contentMedia } from './src/integrations/content-media.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: siteUrl,
  base: siteBase,
  outDir: siteOutDir,
  cacheDir: siteCacheDir,
  trailingSlash: 'always',
  // Several pages in flight at once: rendering is one thread, but each page also waits on the file system (a folder
  // and a file per page), which overlaps with rendering the next ones (see the README, "Scale").
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: buildConcurrency },
  // @astrojs/mdx serves the site's own developer-written pages; content MDX goes through the safe renderer
  // (src/content/site-content-loader.ts), which never compiles content to JavaScript. searchPages hands rendered
  // pages to the search indexer of @iom/site-build (its README).
  integrations: [mdx(), contentMedia({ mediaDir: path.join(contentDir, 'media') }), securityHeaders({ base: siteBase }), searchPages({ base: siteBase })],
  vite: {
    // Lets src/lib/media.ts find content images wherever SITE_CONTENT_DIR puts the content. Vite names globbed files
    // outside the project from the project's folder: the content folder as seen from there turns them into content paths.
    resolve: { alias: { '@content': contentDir } },
    define: { __CONTENT_FROM_ROOT__: JSON.stringify(`${path.relative(fileURLToPath(new URL('./', import.meta.url)), contentDir).split(path.sep).join('/')}/`) },
    // Build and test outputs are not sources: the preview must not reload while a build or the tests run.
    server: { watch: { ignored: ['**/.build-staging/**', '**/.test-output/**', '**/dist/**', '**/dist.*/**'] } },
  },
  devToolbar: { enabled: false },
});
