import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { mediaPrefix } from '@iom/content-model';

// Every image of content/media/, loaded only when a page uses it. Keys end with the path inside media/.
const images = import.meta.glob<ImageMetadata>('@content-media/**/*.{jpg,jpeg,png,webp,avif}', { import: 'default' });
const byMediaPath = new Map(Object.entries(images).map(([key, load]) => [key.slice(key.lastIndexOf(mediaPrefix) + mediaPrefix.length), load]));

/** Widths made for each content image: phones, tablets, the article column at 2x. */
const widths = [400, 800, 1200];

/**
 * Replaces each content image in rendered body HTML (`<img src="<base>media/…">`, as the safe renderer writes it)
 * by a responsive WebP version from astro:assets: `srcset`/`sizes`, and width and height from the file itself so the
 * page never shifts while loading. Images not found stay as they are (the content check reports missing files).
 */
export async function optimizeBodyImages(html: string, base: string): Promise<string> {
  const prefix = `${base.replace(/\/$/, '')}${mediaPrefix}`;
  const pattern = new RegExp(`<img src="${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^"]+)"([^>]*)>`, 'g');
  const matches = [...html.matchAll(pattern)];
  if (matches.length === 0) return html;
  const replacements = await Promise.all(
    matches.map(async (match) => {
      const load = byMediaPath.get(decodeURI(match[1]!));
      if (!load) return match[0];
      const source = await load();
      const image = await getImage({ src: source, widths: widths.filter((width) => width <= source.width), format: 'webp', sizes: '(min-width: 45rem) 42rem, 100vw' });
      const rest = match[2]!.replace(/\s(width|height)="[^"]*"/g, '');
      return `<img src="${image.src}" srcset="${image.srcSet.attribute}" sizes="${image.attributes.sizes as string}" width="${source.width}" height="${source.height}"${rest}>`;
    }),
  );
  let index = 0;
  return html.replace(pattern, () => replacements[index++]!);
}

/** A responsive version of a content image, ready for `<img>`. */
export interface ResponsiveImage {
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
}

/**
 * The responsive version of a content image named `/media/…` (a release's lead image), or undefined when the file
 * is not in content/media/ (the content check reports that).
 */
export async function responsiveImage(mediaPath: string): Promise<ResponsiveImage | undefined> {
  const load = mediaPath.startsWith(mediaPrefix) ? byMediaPath.get(decodeURI(mediaPath.slice(mediaPrefix.length))) : undefined;
  if (!load) return undefined;
  const source = await load();
  const image = await getImage({ src: source, widths: widths.filter((width) => width <= source.width), format: 'webp', sizes: '(min-width: 45rem) 42rem, 100vw' });
  return { src: image.src, srcset: image.srcSet.attribute, sizes: image.attributes.sizes as string, width: source.width, height: source.height };
}
