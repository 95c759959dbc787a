import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the workbench serves the site's stylesheet, for the preview. */
export const siteStylesheetPath = '/assets/site.css';

/**
 * The site's one stylesheet, read as a file through @iom/ui's `./styles/*` export: CSS only, never a component (the
 * workbench imports no Astro), so the preview looks as the site does and follows its changes. Its rules use logical
 * properties, so the Arabic preview is right to left with no rule of its own.
 */
export function readSiteStylesheet(): string {
  return readFileSync(fileURLToPath(import.meta.resolve('@iom/ui/styles/global.css')), 'utf8');
}
