import type { Workbench } from '../../server.ts';

/**
 * Fetches pages of a workbench as the browser gets them once the token is in its cookie: opens the printed address
 * once, keeps the cookie, and answers each page's HTML (whatever its status).
 */
export function pageClient(workbench: Workbench): (pathname: string) => Promise<string> {
  let cookie: Promise<string> | undefined;
  return async (pathname) => {
    cookie ??= fetch(workbench.url, { redirect: 'manual' }).then((first) => first.headers.getSetCookie()[0]!.split(';')[0]!);
    return (await fetch(`${workbench.origin}${pathname}`, { headers: { cookie: await cookie } })).text();
  };
}
