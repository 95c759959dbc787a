import { previewArticle, previewDocument, type PreviewData, type PreviewFields } from '../preview-page.ts';

/** The live preview of the editor page: `update` it with the fields and the body's HTML after each check. */
export interface LivePreview {
  /**
   * Shows the page with these fields and this body HTML (the site renderer's); `undefined` when the text has problems
   * the build would stop on: the last body shown stays, and the panel says so.
   */
  update: (fields: PreviewFields, body: string | undefined) => void;
}

const storageKey = 'workbench-preview';

/** A URL of a file beside the content file (`./photo.jpg`, `photo.jpg`), not `/media/…`, `#note` or `https:`. */
const besideTheFile = (src: string) => src !== '' && !/^[a-z][a-z0-9+.-]*:|^[/#?]/i.test(src);

/**
 * Makes the preview panel live: the frame gets the site's page around the translation (`previewDocument`), then its
 * `<main>` is replaced on every update, so the frame keeps its scroll position while the translator types. The frame
 * runs no script (its sandbox has no `allow-scripts`); `allow-same-origin` lets this script fill it and its image
 * requests carry the session's cookie, which the workbench's image route asks for. Images beside the release get the
 * workbench's address of that folder; links do nothing here (a footnote link still scrolls to its note).
 */
export function startPreview(data: PreviewData, title: string): LivePreview {
  const panel = document.getElementById('preview');
  const frame = document.getElementById('preview-frame') as HTMLIFrameElement | null;
  const toggle = document.getElementById('preview-toggle') as HTMLButtonElement | null;
  const content = document.getElementById('preview-content');
  const stale = document.getElementById('preview-stale');
  if (!panel || !frame || !toggle || !content || !stale) return { update: () => undefined };
  panel.hidden = false;

  const show = (shown: boolean) => {
    content.hidden = !shown;
    toggle.setAttribute('aria-expanded', String(shown));
    toggle.textContent = (shown ? toggle.dataset.hide : toggle.dataset.show) ?? '';
  };
  show(localStorage.getItem(storageKey) !== 'hidden');
  toggle.addEventListener('click', () => {
    const shown = Boolean(content.hidden);
    show(shown);
    localStorage.setItem(storageKey, shown ? 'shown' : 'hidden');
  });

  let loaded = false;
  let pending: string | undefined;
  let lastBody = '';
  const staleText = stale.dataset.text ?? '';

  const paint = (article: string) => {
    const page = frame.contentDocument;
    const main = page?.getElementById('main');
    if (!page || !main) return;
    // Parsed in an inert template first: an image starts loading only once its address is the workbench's.
    const template = page.createElement('template');
    template.innerHTML = article;
    if (data.filesPath) {
      for (const image of template.content.querySelectorAll('img')) {
        const src = image.getAttribute('src') ?? '';
        if (besideTheFile(src)) image.setAttribute('src', new URL(src, new URL(data.filesPath, location.origin)).pathname);
      }
    }
    main.replaceChildren(template.content);
  };

  frame.addEventListener('load', () => {
    // The frame's first, empty document may report its load too: only the preview's document counts.
    if (!frame.contentDocument?.getElementById('main')) return;
    loaded = true;
    frame.contentDocument.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a');
      if (!link) return;
      event.preventDefault();
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#')) frame.contentDocument?.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
    });
    if (pending !== undefined) paint(pending);
    pending = undefined;
  });
  frame.srcdoc = previewDocument(data, title);

  return {
    update: (fields, body) => {
      if (body !== undefined) lastBody = body;
      stale.textContent = body === undefined ? staleText : '';
      const article = previewArticle(data, fields, lastBody);
      if (loaded) paint(article);
      else pending = article;
    },
  };
}
