import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { mediaPrefix } from '@iom/content-model';
import type { Thumbnail } from '@iom/ui/thumbnail';

// Every image content may show, loaded only when a page uses it: the files of content/media/ (named /media/…) and
// images beside a release or country overview (named by a path relative to the file). The content check makes
// sure every image a page names is one of these.
const images = import.meta.glob<ImageMetadata>(
  ['@content/media/**/*.{jpg,jpeg,png,webp,avif}', '@content/releases/*/*/*.{jpg,jpeg,png,webp,avif}', '@content/countries/*/*.{jpg,jpeg,png,webp,avif}'],
  { import: 'default' },
);
/** The content folder as seen from the project's folder (defined in astro.config.ts), which Vite names files from. */
declare const __CONTENT_FROM_ROOT__: string;
/** Keys as paths from the content folder: `media/sample/x.jpg`, `releases/2016/key/photo.jpg`. */
const byContentPath = new Map(Object.entries(images).map(([key, load]) => [key.startsWith(__CONTENT_FROM_ROOT__) ? key.slice(__CONTENT_FROM_ROOT__.length) : key, load]));

/** Widths made for each content image: phones, tablets, the article column at 2x. */
const widths = [400, 800, 1200];

async function responsive(load: () => Promise<ImageMetadata>): Promise<ResponsiveImage> {
  const source = await load();
  const image = await getImage({ src: source, widths: widths.filter((width) => width <= source.width), format: 'webp', sizes: '(min-width: 45rem) 42rem, 100vw' });
  return { src: image.src, srcset: image.srcSet.attribute, sizes: image.attributes.sizes as string, width: source.width, height: source.height };
}

/** A content-folder path from a path relative to a folder of it, or undefined when it leaves the content folder. */
function resolveIn(folder: string, relative: string): string | undefined {
  const parts = folder.split('/').filter(Boolean);
  for (const part of decodeURI(relative.split(/[?#]/)[0]!).split('/')) {
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/**
 * Replaces each content image in rendered body HTML by a responsive WebP version from astro:assets: `srcset`/`sizes`,
 * and width and height from the file itself so the page never shifts while loading. Content images are those the
 * safe renderer writes as `<img src="<base>media/…">`, and those given by a path relative to the content file,
 * resolved from `folder` (its folder, from the content folder: `releases/2016/key`). Images not found stay as they
 * are (the content check reports missing files).
 */
export async function optimizeBodyImages(html: string, base: string, folder: string): Promise<string> {
  const prefix = `${base.replace(/\/$/, '')}${mediaPrefix}`;
  const pattern = /<img src="([^"]+)"([^>]*)>/g;
  const matches = [...html.matchAll(pattern)];
  if (matches.length === 0) return html;
  const replacements = await Promise.all(
    matches.map(async (match) => {
      const src = match[1]!.replace(/&#x26;/g, '&');
      const file = src.startsWith(prefix) ? `media/${decodeURI(src.slice(prefix.length))}` : /^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(src) ? undefined : resolveIn(folder, src);
      const load = file === undefined ? undefined : byContentPath.get(file);
      if (!load) return match[0];
      const image = await responsive(load);
      const rest = match[2]!.replace(/\s(width|height)="[^"]*"/g, '');
      return `<img src="${image.src}" srcset="${image.srcset}" sizes="${image.sizes}" width="${image.width}" height="${image.height}"${rest}>`;
    }),
  );
  let index = 0;
  return html.replace(pattern, () => replacements[index++]!);
}

/** The folder of a content file, from the content folder: `content/releases/2016/key/en.mdx` → `releases/2016/key`. */
export function contentFolderOf(file: string): string {
  return file.split('/').slice(1, -1).join('/');
}

/** A responsive version of a content image, ready for `<img>`. */
export interface ResponsiveImage {
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
}

/** Width of a list's thumbnail in CSS pixels (`.release-list__thumbnail`); made at 1x and 2x. */
const thumbnailWidth = 120;

/**
 * A lead image named `/media/…` as a list's thumbnail (ReleaseList), or undefined when the file is not in
 * content/media/. Made once per image however many lists show it.
 */
export function listThumbnail(mediaPath: string): Promise<Thumbnail | undefined> {
  let made = thumbnails.get(mediaPath);
  if (!made) {
    made = (async () => {
      const load = mediaLoader(mediaPath);
      if (!load) return undefined;
      const source = await load();
      const width = Math.min(thumbnailWidth, source.width);
      const image = await getImage({ src: source, width, densities: [1, 2], format: 'webp' });
      return { src: image.src, srcset: image.srcSet.attribute, width, height: Math.round((source.height * width) / source.width) };
    })();
    thumbnails.set(mediaPath, made);
  }
  return made;
}
const thumbnails = new Map<string, Promise<Thumbnail | undefined>>();

/**
 * The responsive version of a content image named `/media/…` (a release's lead image), or undefined when the file
 * is not in content/media/ (the content check reports that).
 */
export async function responsiveImage(mediaPath: string): Promise<ResponsiveImage | undefined> {
  const load = mediaLoader(mediaPath);
  return load ? responsive(load) : undefined;
}

/** The loader of a content image named `/media/…`, or undefined when the file is not in content/media/. */
function mediaLoader(mediaPath: string): (() => Promise<ImageMetadata>) | undefined {
  return mediaPath.startsWith(mediaPrefix) ? byContentPath.get(`media/${decodeURI(mediaPath.slice(mediaPrefix.length))}`) : undefined;
}
