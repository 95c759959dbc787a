/**
 * The protocol between the build orchestrator (`build.ts`, what `pnpm build` runs) and Astro's process: every
 * environment variable either side reads, and every message they exchange over Node's IPC channel. Nothing else
 * crosses between them.
 *
 *   orchestrator ──env: settings + orchestratorVariables──▶ astro build
 *                ◀──────── iom:content-wanted (once) ────────────────────────────────────
 *                ───────── iom:content-ahead (once: the read is in its file, or why not) ─▶
 *                ◀──────── iom:search-plan (once), iom:will-render (update builds: each keyed route) ──
 *                ◀──────── iom:search-page (each page) ───────────────────────────────────
 *                ───────── iom:search-ack (each page taken in) ───────────────────────▶
 *
 * Astro's side is `searchPages()` (the integration that hands rendered pages over), the site's content loader (which
 * takes the content read ahead, `contentReadAhead`, and calls `announceSearchPlan`), and `renderChanged` (which
 * reads and writes page keys).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SearchShardPlan } from './search-index/search-shards.ts';

/**
 * Settings people give `pnpm build` (the README lists them). The orchestrator passes them on to Astro untouched;
 * `cache-inputs.ts` says which of them change the output.
 */
export const buildSettings = {
  /** Folder holding the content (default: the repository's content/). */
  contentDir: 'SITE_CONTENT_DIR',
  /** Absolute origin for canonical URLs, hreflang and feeds (default https://www.iom.int). */
  url: 'SITE_URL',
  /** Sub-path the site is served under (default /). */
  base: 'SITE_BASE',
  /** `exclude` leaves out content marked `sample: true`. */
  samples: 'SITE_SAMPLES',
  /** Most releases per search-index shard (default: `defaultShardPages`). */
  searchShardPages: 'SITE_SEARCH_SHARD_PAGES',
  /** Pages Astro renders at once (default 16). */
  concurrency: 'SITE_BUILD_CONCURRENCY',
  /** Output folder (default `<app>/dist`). Read by the orchestrator only. */
  finalDir: 'SITE_FINAL_DIR',
  /** Any value: render every page even when an update build would do. Read by the orchestrator only. */
  fullBuild: 'SITE_FULL_BUILD',
  /** Any value: start without the content cache. Read by the orchestrator only. */
  cleanCache: 'SITE_CLEAN_CACHE',
} as const;

/** Variables the orchestrator sets for Astro's process, on top of the settings. */
export const orchestratorVariables = {
  /** Where Astro writes: a staging folder of the orchestrator's. */
  outDir: 'SITE_OUT_DIR',
  /** `1`: the orchestrator listens on the IPC channel (search pages, plan). */
  searchChannel: 'SITE_SEARCH_CHANNEL',
  /** Folder where each keyed route writes the keys of all its pages (`<route>.json`: output file → key). */
  pageKeysOut: 'SITE_PAGE_KEYS_DIR',
  /** The keys of the previous build (one JSON object, output file → key): set only for an update build. */
  previousPageKeys: 'SITE_PREVIOUS_PAGE_KEYS',
  /** The file the content read ahead of Astro is written to (content-ahead/README.md). */
  contentAhead: 'SITE_CONTENT_AHEAD',
} as const;

/** Astro → orchestrator: the content loader wants the content read ahead (sent once, when it starts). */
export interface ContentWantedMessage {
  type: 'iom:content-wanted';
}

/** Orchestrator → Astro: the content read ahead is complete in its file, or (`reason`) why there is none. */
export interface ContentAheadMessage {
  type: 'iom:content-ahead';
  reason?: string | undefined;
}

/** Astro → orchestrator: how each language's search index is split (sent by the content loader, once). */
export interface SearchPlanMessage {
  type: 'iom:search-plan';
  plan: SearchShardPlan;
}

/** Astro → orchestrator: a page that marks content for search, as rendered: its URL from the site root and its HTML. */
export interface SearchPageMessage {
  type: 'iom:search-page';
  url: string;
  html: string;
}

/**
 * Astro → orchestrator, update builds: the files a keyed route will render again (from the site root), sent by
 * `renderChanged` before Astro renders them, so that a search shard can be indexed as soon as its pages are in.
 */
export interface WillRenderMessage {
  type: 'iom:will-render';
  files: string[];
}

/** Every message Astro's process sends the orchestrator. */
export type ToOrchestrator = ContentWantedMessage | SearchPlanMessage | WillRenderMessage | SearchPageMessage;

/** Orchestrator → Astro: how many more pages it has taken in (flow control, see `search-pages-integration.ts`). */
export interface SearchAckMessage {
  type: 'iom:search-ack';
  pages: number;
}

/** Is the orchestrator listening (Astro runs under `pnpm build`, not `astro dev` or a bare `astro build`)? */
export const orchestratorIsListening = (env: NodeJS.ProcessEnv = process.env): boolean => typeof process.send === 'function' && env[orchestratorVariables.searchChannel] === '1';

/** Sends a message to the orchestrator and waits until it is on its way, so that Astro never outruns it. */
export function sendToOrchestrator(message: ToOrchestrator): Promise<void> {
  return new Promise((resolve, reject) => {
    process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** The settings as the site and the orchestrator read them, with their defaults. */
export interface SiteSettings {
  contentDir: string;
  url: string;
  base: string;
  samples: 'include' | 'exclude';
  searchShardPages: number | undefined;
  concurrency: number;
  /** Where Astro writes. */
  outDir: string;
  /**
   * Astro's cache (content store, prepared bodies, optimized images) per content folder and base, so that a
   * benchmark corpus, a test fixture and the real content never share one, even when built at the same time.
   */
  cacheDir: string;
}

/**
 * Reads the settings from the environment. `appDir` is the Astro app's folder; `repoRoot` the repository's.
 *
 * @example
 * readSiteSettings(process.env, '/work/main/apps/site', '/work/main').contentDir // '/work/main/content'
 */
export function readSiteSettings(env: NodeJS.ProcessEnv, appDir: string, repoRoot: string): SiteSettings {
  const contentDir = path.resolve(env[buildSettings.contentDir] ?? path.join(repoRoot, 'content'));
  const base = env[buildSettings.base] ?? '/';
  const samples = env[buildSettings.samples];
  if (samples !== undefined && samples !== '' && samples !== 'include' && samples !== 'exclude') {
    throw new Error(`${buildSettings.samples} is "${samples}": write ${buildSettings.samples}=exclude to leave sample content out, or leave it unset.`);
  }
  return {
    contentDir,
    url: env[buildSettings.url] ?? 'https://www.iom.int',
    base,
    samples: samples === 'exclude' ? 'exclude' : 'include',
    searchShardPages: env[buildSettings.searchShardPages] ? Number(env[buildSettings.searchShardPages]) : undefined,
    concurrency: Number(env[buildSettings.concurrency] ?? 16),
    outDir: env[orchestratorVariables.outDir] ?? './dist',
    cacheDir: path.join(appDir, 'node_modules/.astro', createHash('sha256').update(`${contentDir}\n${base}`).digest('hex').slice(0, 12)),
  };
}
