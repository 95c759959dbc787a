import type { Root } from 'mdast';
import { renderSafeMdx, type RenderLabels } from '@iom/safe-mdx';
import { createTranslate, type UiStrings } from '../ui-strings.ts';
import { withBase } from '../urls.ts';

/**
 * What the body renderer writes where `<Contacts />` stands: an HTML comment, which content cannot write, so it cannot
 * be forged. The site's release page puts the contacts block there; the workbench's preview a note.
 */
export const contactsMarker = '<!--contacts-->';

/** What rendering a body needs: serializable, so worker threads can share it, and a browser can be handed it. */
export interface PrepareRender {
  labels: RenderLabels;
  /** The deployment's base path: root-relative links and images get it. */
  base: string;
  /** What `<Contacts />` becomes in the HTML. */
  contactsMarker: string;
}

/**
 * How the site renders bodies in one language: the labels from its UI strings (`release.sourceLabel`,
 * `release.footnotes`, `release.backToContent`), the deployment's base and `contactsMarker`. The site's content
 * loader and the translator workbench's preview both take it from here, so the preview is rendered as the site is.
 *
 * @example
 * bodyRenderSettings(strings.fr, '/') // { labels: { source: 'Source :', … }, base: '/', contactsMarker: '<!--contacts-->' }
 */
export function bodyRenderSettings(strings: UiStrings, base: string): PrepareRender {
  const t = createTranslate(strings);
  return { labels: { source: t('release.sourceLabel'), footnotes: t('release.footnotes'), backToContent: t('release.backToContent') }, base, contactsMarker };
}

/**
 * A checked body's HTML, as the site publishes it: root-relative links and images get the deployment's base (the
 * site may live under /mirror/); an image beside the file (`./photo.jpg`) keeps its path, which the site resolves.
 * `prepareFile` and `checkContentFile` both render with it.
 */
export function renderBody(tree: Root, render: PrepareRender): string {
  const rooted = (url: string) => url.startsWith('/') && !url.startsWith('//');
  return renderSafeMdx(tree, {
    labels: render.labels,
    renderContacts: () => render.contactsMarker,
    linkRewriter: (url) => (rooted(url) ? withBase(url, render.base) : url),
    resolveImage: (src) => (rooted(src) ? { src: withBase(src, render.base) } : undefined),
  });
}
