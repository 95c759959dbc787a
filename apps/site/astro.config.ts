import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import path from 'node:path';
import { contentDir, siteBase, siteCacheDir, siteOutDir, siteUrl } from './src/site-config.ts';
import { contentMedia } from './src/integrations/content-media.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: siteUrl,
  base: siteBase,
  outDir: siteOutDir,
  cacheDir: siteCacheDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // @astrojs/mdx serves the site's own developer-written pages; content MDX goes through the safe renderer
  // (src/content/site-content-loader.ts), which never compiles content to JavaScript.
  integrations: [mdx(), contentMedia({ mediaDir: path.join(contentDir, 'media') }), securityHeaders({ base: siteBase })],
  vite: {
    // Lets src/lib/media.ts find content images wherever SITE_CONTENT_DIR puts the content.
    resolve: { alias: { '@content-media': path.join(contentDir, 'media') } },
    // Build and test outputs are not sources: the preview must not reload while a build or the tests run.
    server: { watch: { ignored: ['**/.build-staging/**', '**/.test-output/**', '**/dist/**', '**/dist.*/**'] } },
  },
  devToolbar: { enabled: false },
});
