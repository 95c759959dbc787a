import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageExtensions } from '@iom/content-model';

/** Where the preview asks for the content folder's media: the path the site's renderer writes (`/media/…`, base `/`). */
export const mediaRoute = '/media/';
/** Where the preview asks for an image beside a release (`./photo.jpg`): `/release-media/<year>/<folder>/photo.jpg`. */
export const releaseMediaRoute = '/release-media/';

const imageTypes: Record<(typeof imageExtensions)[number], string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' };

/** The path's parts, decoded; undefined when one is empty, `.` or `..`, or hides a separator or a NUL. */
function partsOf(rest: string): string[] | undefined {
  const parts: string[] = [];
  for (const raw of rest.split('/')) {
    let part: string;
    try {
      part = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (part === '' || part === '.' || part === '..' || /[/\\\0]/.test(part)) return undefined;
    parts.push(part);
  }
  return parts;
}

/** A file's real path when it is a file inside `root` (a link leading outside does not count), else undefined. */
function fileInside(root: string, parts: readonly string[]): string | undefined {
  try {
    const realRoot = realpathSync(root);
    const real = realpathSync(path.join(root, ...parts));
    if (!real.startsWith(realRoot + path.sep) || !statSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

/**
 * The image file a preview request names, and its type, or undefined: only an image (by extension: `imageExtensions`,
 * what the content check accepts) inside the content folder's `media/`, or directly in the folder of a release the
 * workbench read at start (`releases`, by `<year>/<folder>`), as the site finds them. No part may be empty, `.` or
 * `..` or hold a separator once decoded, and the real path (links followed) must stay inside that folder.
 *
 * @example
 * previewImageFile(contentDir, index.byId, '/media/sample/rescue-boat.jpg') // { file: '…/content/media/sample/rescue-boat.jpg', type: 'image/jpeg' }
 * previewImageFile(contentDir, index.byId, '/media/../i18n/en.yaml') // undefined
 */
export function previewImageFile(contentDir: string, releases: ReadonlyMap<string, { folder: string }>, pathname: string): { file: string; type: string } | undefined {
  const inMedia = pathname.startsWith(mediaRoute);
  if (!inMedia && !pathname.startsWith(releaseMediaRoute)) return undefined;
  const parts = partsOf(pathname.slice(inMedia ? mediaRoute.length : releaseMediaRoute.length));
  if (!parts) return undefined;
  const extension = path.extname(parts.at(-1)!).slice(1).toLowerCase();
  if (!(imageExtensions as readonly string[]).includes(extension)) return undefined;
  const type = imageTypes[extension as (typeof imageExtensions)[number]];
  if (inMedia) {
    const file = fileInside(path.join(contentDir, 'media'), parts);
    return file ? { file, type } : undefined;
  }
  // A release's own images lie beside its files, not in folders below: `<year>/<folder>/<name>`.
  if (parts.length !== 3) return undefined;
  const release = releases.get(`${parts[0]}/${parts[1]}`);
  const file = release ? fileInside(release.folder, [parts[2]!]) : undefined;
  return file ? { file, type } : undefined;
}
