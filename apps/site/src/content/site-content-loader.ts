import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { ContentError, formatContentIssues, publishedCountry, publishedOrganisationContacts } from '@iom/content-model';
import { openSiteContent, type SiteContentRead, type SiteContentSession } from '@iom/content-model/node';
import { announceSearchPlan, contentReadAhead, contentReadOptions, type ContentReadSettings, type StoredBodyRef } from '@iom/site-build/content';
import { shareSiteContent, type StoredSiteContent } from '../lib/stored-site-content.ts';

/** The content watcher of each content folder in this process (on globalThis: the config, and this module, may be loaded again). */
const contentWatchers = ((globalThis as { [key: symbol]: unknown })[Symbol.for('@iom/site/content-watchers')] ??= new Map()) as Map<string, FSWatcher>;

/**
 * Reads all content through content-model (parse, safe-MDX check, validation, linking) and renders bodies with the
 * safe renderer: no MDX file is ever compiled to a JavaScript module. Bodies are prepared on worker threads and
 * cached by content hash in `cacheDir`, so a rebuild parses only what changed.
 *
 * The content store holds one small entry: which version of the site's data (page metadata and where each rendered
 * body is) the loader handed to the pages of this process (`shareSiteContent`). Astro inlines the whole store into the
 * server bundle as one string (with `collectionStorage: 'chunked'` too, as several), so a store holding 20,000 pages'
 * metadata made bundling take seconds and 2 GiB; a pointer keeps bundling the same at any size (see the site README,
 * "Scale").
 *
 * Under `pnpm build` the orchestrator has read the content in a process of its own while Astro started, with the
 * same options (`contentReadOptions`): the loader takes that read (site-build's content-ahead/README.md).
 *
 * Any content problem fails the sync with every problem listed (file, line, field, fix); in `astro dev` the pages
 * that could be read are kept, the problems show on every page, and the loader reads again what changed when a content
 * file is saved: only that file when it is a release, overview or section page.
 */
export function siteContentLoader(options: ContentReadSettings & { searchShardPages: number | undefined }): Loader {
  return {
    name: 'iom-site-content',
    load: async ({ store, logger, watcher }) => {
      let session: SiteContentSession | undefined;
      /** Whether the last read was the one the orchestrator made ahead (said in the log line). */
      let readAhead = false;
      /** Reads everything the first time; in `astro dev`, afterwards only the files that changed (`changed`). */
      const read = async (changed: readonly string[]): Promise<SiteContentRead> => {
        if (session) return session.update(changed);
        const ahead = watcher ? undefined : await contentReadAhead(options, (message) => logger.warn(message));
        readAhead = ahead !== undefined;
        if (ahead) return ahead;
        const opened = await openSiteContent(contentReadOptions(options));
        // Only the preview reads again: a build reads once, and keeps nothing after its sync.
        if (watcher) session = opened;
        return opened.read;
      };
      let published: SiteContentRead['content'] | undefined;
      const sync = async (changed: readonly string[] = []) => {
        const started = performance.now();
        const { content, bodies, issues } = await read(changed);
        // Nothing the site shows changed (an editor's temporary file, a hidden file): the store stays as it is.
        if (published === content) return;
        if (issues.length > 0 && !watcher) throw new ContentError(issues);
        if (issues.length > 0) logger.error(formatContentIssues(issues));
        const body = (id: string) => {
          const entry = bodies.get(id);
          // The loader prepares with site-build's cache: a stored body is a reference into it.
          return { html: entry?.html, stored: entry?.stored as StoredBodyRef | undefined, media: entry?.media ?? [] };
        };
        const payload: StoredSiteContent = {
          releases: content.releases.map((page) => ({ kind: 'release', ...page, ...body(page.id) })),
          // Only confirmed contact values reach the site: no page, data or search entry can show a placeholder.
          countries: content.countries.map((country) => ({ kind: 'country', ...publishedCountry(country) })),
          overviews: content.overviews.map((overview) => ({ kind: 'overview', ...overview, ...body(`${overview.code}/${overview.lang}`) })),
          pages: content.pages.map((page) => ({ kind: 'page', ...page, ...body(`page:${page.id}`) })),
          meta: {
            kind: 'meta',
            issues,
            strings: content.strings,
            themes: content.themes,
            officialNames: content.officialNames,
            missingStrings: content.missingStrings,
            organisationContacts: publishedOrganisationContacts(content.organisationContacts?.contacts),
            unconfirmed: { values: content.unconfirmed.length, records: new Set(content.unconfirmed.map((value) => value.owner)).size },
          },
        };
        const stored = shareSiteContent(payload);
        store.clear();
        store.set({ id: 'site', data: { ...stored }, digest: stored.digest });
        // Under pnpm build, the orchestrator indexes pages as they are rendered: it needs each language's shards first.
        await announceSearchPlan(content.releases, options.searchShardPages);
        if (content.missingStrings.length) {
          logger.warn(`UI strings shown in English until translated: ${content.missingStrings.map((m) => `${m.lang}:${m.key}`).join(', ')}`);
        }
        published = content;
        logger.info(`${content.releases.length} release pages, ${content.countries.length} countries in ${Math.round(performance.now() - started)} ms${readAhead ? ' (read ahead by the build)' : ''}`);
      };
      await sync();
      if (watcher) {
        // One sync at a time: an editor's save often fires several events (a temporary file, a rename), and two
        // syncs at once could finish in the wrong order and leave the older content in the store. Events during a
        // sync are collected and read by one more sync after it, as the files are by then. A sync reads only the
        // files named by events (content-model's openSiteContent), so a saved release shows at once at any size.
        let running: Promise<void> | undefined;
        const pending = new Set<string>();
        const resync = () => {
          if (running || pending.size === 0) return;
          const changed = [...pending];
          pending.clear();
          running = sync(changed)
            .catch((error: unknown) => logger.error(error instanceof ContentError ? formatContentIssues(error.issues) : String(error)))
            .finally(() => {
              running = undefined;
              resync();
            });
        };
        // Node's own recursive watch, not Vite's watcher: Vite's stats every file before it reports anything, which
        // for 20,000 releases kept the preview busy for seconds after it started. One per content folder and
        // process: a restart of the dev server (a config change) replaces the last one.
        contentWatchers.get(options.contentDir)?.close();
        const contentWatch = watch(options.contentDir, { recursive: true }, (_event, name) => {
          if (!name) return;
          pending.add(path.join(options.contentDir, name));
          resync();
        });
        contentWatchers.set(options.contentDir, contentWatch);
      }
    },
  };
}
