import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteBase, siteCacheDir, siteOutDir, siteUrl } from './src/site-config.ts';

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
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
