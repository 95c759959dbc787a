import type { AstroIntegration } from 'astro';
import { localeCodes, locales } from '@iom/content-model';
import { orchestratorIsListening, orchestratorVariables, sendToOrchestrator, type SearchAckMessage, type SearchPageMessage } from './protocol.ts';
import { planSearchShards, type DatedPage } from './search-index/search-shards.ts';

/** Pages sent that the orchestrator has not taken in yet, at most. */
const inFlightLimit = 64;
let inFlight = 0;
let waiting: (() => void)[] = [];
let listening = false;

/**
 * Sends a page, waiting first while too many are on their way: the orchestrator reads everything its channel holds,
 * and when it falls behind (it shares two cores with Astro and Pagefind) thousands of pages would pile up in its
 * memory. It acknowledges each page it has taken in.
 */
async function sendPage(message: SearchPageMessage): Promise<void> {
  if (!listening) {
    listening = true;
    process.on('message', (reply: SearchAckMessage) => {
      if (reply?.type !== 'iom:search-ack') return;
      inFlight -= reply.pages;
      const ready = waiting;
      waiting = [];
      for (const resume of ready) resume();
    });
  }
  while (inFlight >= inFlightLimit) await new Promise<void>((resume) => waiting.push(resume));
  inFlight++;
  await sendToOrchestrator(message);
}

/**
 * Tells the orchestrator how each language's search index is split, from the releases' languages and dates (the
 * content loader calls it once the content is read; nothing happens outside `pnpm build`). Shards are keyed like
 * Pagefind's indexes, by the pages' `<html lang>`.
 */
export async function announceSearchPlan(releases: readonly { lang: keyof typeof locales; date: string }[], maxPages: number | undefined): Promise<void> {
  if (!orchestratorIsListening()) return;
  const indexLang = (code: keyof typeof locales) => locales[code].lang.toLowerCase();
  const dated: DatedPage[] = releases.map((page) => ({ lang: indexLang(page.lang), date: page.date }));
  await sendToOrchestrator({ type: 'iom:search-plan', plan: planSearchShards(dated, localeCodes.map(indexLang), maxPages) });
}

/** What a bare `astro build` says: the site is only complete (search index, atomic swap) when built by the orchestrator. */
export const runPnpmBuild =
  'This site is built with `pnpm build` (from the repository root), which runs Astro together with the search indexer and swaps the result into place. A bare `astro build` would write a site without its search index, so it stops here.';

/**
 * Hands every page that marks content for search (`data-pagefind-body`) to the orchestrator as Astro renders it, so
 * that it indexes them on the other core while Astro renders the rest, instead of reading the whole site back from
 * disk once Astro is done (search-index/README.md). A build without the orchestrator listening stops at once.
 *
 * It wraps Astro's own prerenderer (the `astro:build:start` hook's `setPrerenderer`): each page is rendered by Astro
 * as usual, its HTML read once, sent, and returned to Astro unchanged to be written.
 */
export function searchPages(options: { base: string }): AstroIntegration {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  return {
    name: 'iom-search-pages',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        if (!orchestratorIsListening()) throw new Error(runPnpmBuild);
        setPrerenderer((astroPrerenderer) => ({
          ...astroPrerenderer,
          name: 'iom-search-pages',
          setup: async () => {
            await astroPrerenderer.setup?.();
            // The content sync left a heap grown for every page's frontmatter, most of it garbage now: collect it
            // before rendering, so the memory the build holds while it renders is what rendering needs (the build
            // orchestrator runs Astro with --expose-gc). An update build renders a few dozen pages: a full
            // collection of a heap holding the whole site would only make the editor wait.
            if (!process.env[orchestratorVariables.previousPageKeys]) (globalThis as { gc?: () => void }).gc?.();
          },
          render: async (request, renderOptions) => {
            const result = await astroPrerenderer.render(request, renderOptions);
            const response = result instanceof Response ? result : result.response;
            if (!(response.headers.get('content-type') ?? '').startsWith('text/html') || response.status !== 200) return result;
            const html = await response.text();
            if (html.includes('data-pagefind-body')) {
              const pathname = decodeURI(new URL(request.url).pathname);
              const url = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
              await sendPage({ type: 'iom:search-page', url, html });
            }
            const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
            return result instanceof Response ? copy : { ...result, response: copy };
          },
        }));
      },
    },
  };
}
