import type { Loader } from 'astro/loaders';
import { ContentError, createTranslate, formatContentIssues } from '@iom/content-model';
import { readSiteContent } from '@iom/content-model/read-site-content';
import { contactsMarker } from '@iom/ui/contacts-marker';

/**
 * Reads all content through content-model (parse, safe-MDX check, validation, linking) and renders bodies with the
 * safe renderer: no MDX file is ever compiled to a JavaScript module. Bodies are prepared on worker threads and
 * cached by content hash in `cacheDir`, so a rebuild parses only what changed; the store keeps page metadata and the
 * path of each rendered body, never the bodies themselves (the store stays small at 80,000 pages).
 *
 * Any content problem fails the sync with every problem listed (file, line, field, fix); in `astro dev` the pages
 * that could be read are kept, the problems show on every page, and the loader reloads when a content file is saved.
 */
export function siteContentLoader(options: { contentDir: string; displayRoot: string; base: string; cacheDir: string }): Loader {
  return {
    name: 'iom-site-content',
    load: async ({ store, logger, watcher }) => {
      const sync = async () => {
        const started = performance.now();
        const { content, bodies, issues } = await readSiteContent({
          ...options,
          render: (_lang, strings) => {
            const t = createTranslate(strings);
            return { labels: { source: t('release.sourceLabel'), footnotes: t('release.footnotes'), backToContent: t('release.backToContent') }, base: options.base, contactsMarker };
          },
        });
        if (issues.length > 0 && !watcher) throw new ContentError(issues);
        if (issues.length > 0) logger.error(formatContentIssues(issues));
        store.clear();
        const body = (id: string) => {
          const entry = bodies.get(id);
          return { html: entry?.html, htmlFile: entry?.htmlFile };
        };
        for (const page of content.releases) store.set({ id: `release:${page.id}`, data: { kind: 'release', ...page, ...body(page.id) } });
        for (const country of content.countries) store.set({ id: `country:${country.code}`, data: { kind: 'country', ...country } });
        for (const overview of content.overviews) {
          store.set({ id: `overview:${overview.code}/${overview.lang}`, data: { kind: 'overview', ...overview, ...body(`${overview.code}/${overview.lang}`) } });
        }
        store.set({
          id: 'meta',
          data: { kind: 'meta', issues, strings: content.strings, themes: content.themes, officialNames: content.officialNames, missingStrings: content.missingStrings },
        });
        if (content.missingStrings.length) {
          logger.warn(`UI strings shown in English until translated: ${content.missingStrings.map((m) => `${m.lang}:${m.key}`).join(', ')}`);
        }
        logger.info(`${content.releases.length} release pages, ${content.countries.length} countries in ${Math.round(performance.now() - started)} ms`);
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
