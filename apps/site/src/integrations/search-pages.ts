import type { AstroIntegration } from 'astro';
import type { SearchShardPlan } from '@iom/content-model';

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
          render: async (request, renderOptions) => {
            const result = await astroPrerenderer.render(request, renderOptions);
            const response = result instanceof Response ? result : result.response;
            if (!(response.headers.get('content-type') ?? '').startsWith('text/html') || response.status !== 200) return result;
            const html = await response.text();
            if (html.includes('data-pagefind-body')) {
              const pathname = decodeURI(new URL(request.url).pathname);
              const url = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
              await sendToBuild({ type: 'iom:search-page', url, html } satisfies SearchPagesMessage);
            }
            const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
            return result instanceof Response ? copy : { ...result, response: copy };
          },
        }));
      },
    },
  };
}
