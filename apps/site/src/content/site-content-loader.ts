import type { Loader } from 'astro/loaders';
import { ContentError, createTranslate, formatContentIssues, withBase } from '@iom/content-model';
import { readSiteContent } from '@iom/content-model/read-site-content';
import { renderSafeMdx } from '@iom/content-model/mdx/index';
import { contactsMarker } from '@iom/ui/contacts-marker';

/**
 * Reads all content through content-model (parse, safe-MDX check, validation, linking) and renders release bodies
 * with the safe renderer: no MDX file is ever compiled to a JavaScript module. Any content problem fails the sync
 * with every problem listed (file, line, field, fix); in `astro dev` the error shows on the page and the loader
 * reloads when a content file is saved.
 */
export function siteContentLoader(options: { contentDir: string; displayRoot: string; base: string }): Loader {
  return {
    name: 'iom-site-content',
    load: async ({ store, logger, watcher }) => {
      const sync = async () => {
        const { content, releases, overviews, issues } = await readSiteContent({
          ...options,
          renderBody: (tree, _lang, strings) => {
            const t = createTranslate(strings);
            return renderSafeMdx(tree, {
              labels: { source: t('release.sourceLabel'), footnotes: t('release.footnotes'), backToContent: t('release.backToContent') },
              renderContacts: () => contactsMarker,
              // Root-relative links and images get the deployment's base (the site may live under /mirror/).
              linkRewriter: (url) => (url.startsWith('/') && !url.startsWith('//') ? withBase(url, options.base) : url),
              resolveImage: (src) => (src.startsWith('/') && !src.startsWith('//') ? { src: withBase(src, options.base) } : undefined),
            });
          },
        });
        // A build fails on any problem. In `astro dev` (the only mode with a watcher) the pages that could be read are
        // kept and the problems are shown on every page, so a translator sees them next to the preview.
        if (issues.length > 0 && !watcher) throw new ContentError(issues);
        if (issues.length > 0) logger.error(formatContentIssues(issues));
        store.clear();
        for (const page of releases) store.set({ id: `release:${page.id}`, data: { kind: 'release', ...page } });
        for (const country of content.countries) store.set({ id: `country:${country.code}`, data: { kind: 'country', ...country } });
        for (const overview of overviews) store.set({ id: `overview:${overview.code}/${overview.lang}`, data: { kind: 'overview', ...overview } });
        store.set({
          id: 'meta',
          data: { kind: 'meta', issues, strings: content.strings, themes: content.themes, officialNames: content.officialNames, missingStrings: content.missingStrings },
        });
        if (content.missingStrings.length) {
          logger.warn(`UI strings shown in English until translated: ${content.missingStrings.map((m) => `${m.lang}:${m.key}`).join(', ')}`);
        }
        logger.info(`${releases.length} release pages, ${content.countries.length} countries`);
      };
      await sync();
      if (watcher) {
        watcher.add(options.contentDir);
        watcher.on('all', (_event, file) => {
          if (!file.startsWith(options.contentDir)) return;
          sync().catch((error: unknown) => logger.error(error instanceof ContentError ? formatContentIssues(error.issues) : String(error)));
        });
      }
    },
  };
}
