import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Writes a tiny static site into a new temporary folder, one text file per entry (path from the site root → text),
 * for the deliberately broken fixtures that prove a check can fail. Returns the folder and a way to remove it.
 *
 * @example
 * const fixture = writeStaticFixture({ 'index.html': '<!doctype html><html lang="en">…' });
 * serveStatic(fixture.dir) … fixture.remove();
 */
export function writeStaticFixture(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'iom-broken-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A minimal valid page around `body`, for fixtures: `<html lang>`, a title, and whatever goes in `head`. */
export function fixturePage(body: string, options: { lang?: string; dir?: 'ltr' | 'rtl'; head?: string } = {}): string {
  const { lang = 'en', dir = 'ltr', head = '' } = options;
  return `<!doctype html>\n<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fixture</title>${head}</head>\n<body>${body}</body></html>\n`;
}
