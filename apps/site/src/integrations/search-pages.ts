import type { AstroIntegration } from 'astro';
import type { SearchShardPlan } from '@iom/content-model';

/** What the build script answers: how many more pages it has taken in (flow control, see `sendPage`). */
export interface SearchPagesAck {
  type: 'iom:search-ack';
  pages: number;
}

/** Pages sent that the build script has not taken in yet, at most. */
const inFlightLimit = 64;
let inFlight = 0;
let waiting: (() => void)[] = [];
let listening = false;

/**
 * Sends a page, waiting first while too many are on their way: the build script reads everything its channel holds,
 * and when it falls behind (it shares two cores with Astro and Pagefind) thousands of pages would pile up in its
 * memory. It acknowledges each page it has taken in.
 */
async function sendPage(message: SearchPagesMessage): Promise<void> {
  if (!listening) {
    listening = true;
    process.on('message', (reply: SearchPagesAck) => {
      if (reply?.type !== 'iom:search-ack') return;
      inFlight -= reply.pages;
      const ready = waiting;
      waiting = [];
      for (const resume of ready) resume();
    });
  }
  while (inFlight >= inFlightLimit) await new Promise<void>((resume) => waiting.push(resume));
  inFlight++;
  await sendToBuild(message);
}

/** Messages this integration sends to the build script over Node's IPC channel. */
export type SearchPagesMessage =
  /** How each language's index is split (sent by the content loader once the content is read). */
  | { type: 'iom:search-plan'; plan: SearchShardPlan }
  /** A page that marks content for search, as rendered: its URL from the site root (without the base) and its HTML. */
  | { type: 'iom:search-page'; url: string; html: string };

/** Set by scripts/build.ts when it listens: the integration sends nothing otherwise (`astro dev`, a bare `astro build`). */
export const searchChannelVariable = 'SITE_SEARCH_CHANNEL';

/** Sends a message to the build script and waits until it is on its way, so that Astro never outruns the script. */
export function sendToBuild(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** Is there a build script listening (see {@link searchChannelVariable})? */
export const buildIsListening = (): boolean => typeof process.send === 'function' && process.env[searchChannelVariable] === '1';

/**
 * Hands every page that marks content for search (`data-pagefind-body`) to the build script as Astro renders it, so
 * that the script indexes them on the other core while Astro renders the rest, instead of reading the whole site back
 * from disk once Astro is done (see scripts/search-index/README.md).
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
        if (!buildIsListening()) return;
        setPrerenderer((astroPrerenderer) => ({
          ...astroPrerenderer,
          name: 'iom-search-pages',
          setup: async () => {
            await astroPrerenderer.setup?.();
            // The content sync left a heap grown for every page's frontmatter, most of it garbage now: collect it
            // before rendering, so the memory the build holds while it renders is what rendering needs (the build
            // script runs Astro with --expose-gc).
            (globalThis as { gc?: () => void }).gc?.();
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
