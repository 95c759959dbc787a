import type { BrowserContext, Page } from 'playwright-core';

/** A request the browser tried to make to another origin, refused by the test. */
export interface RefusedRequest {
  /** The page that made it (its frame's URL), or `(worker)` for a service worker. */
  page: string;
  url: string;
  /** Playwright's resource type: stylesheet, font, image, script, fetch, websocket… */
  type: string;
}

/**
 * Lets the browser context reach only the origin of `siteUrl` (and `data:`/`blob:` URLs, which never leave the
 * machine): every other request is aborted before it goes out, and recorded. WebSockets too. Returns the live list
 * of refused requests, empty while the pages behave.
 *
 * @example
 * const refused = await refuseThirdPartyRequests(context, server.url);
 * await page.goto(server.url + 'en/');
 * expect(refused).toEqual([]);
 */
export async function refuseThirdPartyRequests(context: BrowserContext, siteUrl: string): Promise<RefusedRequest[]> {
  const own = new URL(siteUrl).origin;
  const refused: RefusedRequest[] = [];
  const isOwn = (url: string) => /^(data|blob):/i.test(url) || new URL(url).origin === own;
  await context.route('**/*', async (route) => {
    const request = route.request();
    if (isOwn(request.url())) return route.continue();
    let page = '(worker)';
    try {
      page = request.frame().url();
    } catch {
      // Requests of service workers have no frame.
    }
    refused.push({ page, url: request.url(), type: request.resourceType() });
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket((url) => !isOwn(url.href.replace(/^ws/, 'http')), (socket) => {
    refused.push({ page: '(websocket)', url: socket.url(), type: 'websocket' });
    return socket.close();
  });
  return refused;
}

/**
 * Brings everything a page loads late into play before the check looks: lazy images and frames are switched to
 * eager (a reader who scrolls would load them all), the page is scrolled to its end, and the check waits until every
 * image has loaded or failed.
 */
export async function loadEverything(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const element of document.querySelectorAll<HTMLImageElement | HTMLIFrameElement>('img[loading="lazy"], iframe[loading="lazy"]')) element.loading = 'eager';
    window.scrollTo(0, document.documentElement.scrollHeight);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await Promise.all(
      [...document.images].filter((image) => !image.complete).map((image) => new Promise((resolve) => {
        image.addEventListener('load', resolve, { once: true });
        image.addEventListener('error', resolve, { once: true });
      })),
    );
  });
}

/** Refused requests as text for a failing test's message, one line each. */
export function formatRefused(refused: RefusedRequest[]): string {
  return refused.map((request) => `${request.page} tried to load ${request.url} (${request.type})`).join('\n');
}
