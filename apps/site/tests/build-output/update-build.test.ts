import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listSiteFiles } from '../../scripts/quality/site-files.ts';
import { finishInterruptedUpdate } from '@iom/site-build/update-build';
import { buildSite } from '../support/build-site.ts';
import { makeFixtureContent } from '../support/fixture-content.ts';

/**
 * Update builds (@iom/site-build, src/update-build/README.md): after an edit, a build into the same folder renders only the pages
 * whose key changed and indexes only the search shards they changed, and must leave exactly the site a full build of
 * the same content writes.
 */
const work = mkdtempSync(path.join(tmpdir(), 'iom-update-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function treeHashes(dir: string): Map<string, string> {
  return new Map(listSiteFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')]));
}

/** Files that differ between two site folders: those of one and not the other, and those with other bytes. */
function differences(updated: string, full: string): { differ: string[]; onlyUpdated: string[]; onlyFull: string[] } {
  const a = treeHashes(updated);
  const b = treeHashes(full);
  return {
    differ: [...a.keys()].filter((file) => b.has(file) && a.get(file) !== b.get(file)).sort(),
    onlyUpdated: [...a.keys()].filter((file) => !b.has(file)).sort(),
    onlyFull: [...b.keys()].filter((file) => !a.has(file)).sort(),
  };
}

function build(content: string, outDir: string, env: Record<string, string> = {}): string {
  const { status, output } = buildSite(outDir, { SITE_CONTENT_DIR: content, ...env });
  if (status !== 0) throw new Error(`build failed:\n${output.slice(-3000)}`);
  return output;
}

const releases = ['2016/iom-unhcr-train-libyan-partners', '2017/mediterranean-rescue-partners-meet-in-tunis', '2018/sahel-central-aide-aux-migrants-en-detresse', '2024/cox-s-bazar-monsoon-volunteers'];

describe('an update build after editing content', () => {
  const content = makeFixtureContent(['ly', 'tn', 'it', 'mu', 'km', 'bd', 'ml', 'ne', 'bf'], releases);
  const site = path.join(work, 'site');
  const seed = path.join(content, 'releases/2016/iom-unhcr-train-libyan-partners');

  it('is a full build the first time, and an update that changes nothing when nothing changed', () => {
    expect(build(content, site)).toMatch(/build: full build \(no earlier build into this folder\)/);
    const before = treeHashes(site);
    const output = build(content, site);
    expect(output).toMatch(/build: updating .*: only pages whose content changed/);
    // Astro took the content the build read while it started, not a read of its own (content-ahead/README.md).
    expect(output).toMatch(/release pages, \d+ countries in \d+ ms \(read ahead by the build\)/);
    expect(output).toMatch(/build: 0 files added, 0 changed, 0 removed/);
    expect(output).toMatch(/0 shards indexed, \d+ kept as they were/);
    expect(treeHashes(site)).toEqual(before);
  }, 180_000);

  it('after an edit of an English source: changes its page and its translations’ (now out of date), indexes one shard again', () => {
    const before = treeHashes(site);
    appendFileSync(path.join(seed, 'en.mdx'), '\nA paragraph added by the update-build test.\n');
    const output = build(content, site);
    expect(output).toMatch(/build: updating/);
    expect(output).toMatch(/pagefind: indexed .*: 1 shards indexed, \d+ kept as they were/);
    // Indexed as soon as the edited page was rendered, beside Astro rendering the rest (search-index-builder.ts).
    expect(output).toMatch(/pagefind: {3}en-x-\d{6}: \d+ pages in \d+ ms, while Astro rendered/);
    const after = treeHashes(site);
    const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file));
    const page = 'en/news/iom-unhcr-train-libyan-partners-on-saving-lives-at-sea/index.html';
    expect(changed).toContain(page);
    expect(readFileSync(path.join(site, page), 'utf8')).toContain('added by the update-build test');
    // The translations now say they are out of date; the French one is in its own language's folder.
    expect(changed.filter((file) => /^(fr|es|ar)\/news\/[^/]+\/index\.html$/.test(file))).toHaveLength(3);
    // Nothing else of the releases, and no listing: the title and summary did not change.
    expect(changed.filter((file) => /\/news\/[^/]+\/index\.html$/.test(file) && !/^(fr|es|ar)\//.test(file))).toEqual([page]);
    expect(output).not.toMatch(/news\/page\/|news\/archive\/\d{4}\/|\/themes\//);
    // Nor the pages that show no release: section pages, Where we work with its map, the region pages.
    expect(output).not.toMatch(/\/regions\/|\/countries\/index\.html|\/who-we-are\/|\/our-work\//);
    // And it is what a full build of the edited content writes.
    const full = path.join(work, 'full-after-edit');
    build(content, full);
    expect(differences(site, full)).toEqual({ differ: [], onlyUpdated: [], onlyFull: [] });
  }, 240_000);

  it('after adding, deleting and retitling releases and changing a UI string: exactly what a full build writes', () => {
    // A new release (English only), a deleted one, a translation retitled, a French UI string changed.
    mkdirSync(path.join(content, 'releases/2025/a-new-release-on-rescue-at-sea'), { recursive: true });
    writeFileSync(
      path.join(content, 'releases/2025/a-new-release-on-rescue-at-sea/en.mdx'),
      readFileSync(path.join(seed, 'en.mdx'), 'utf8').replace(/^title: .*$/m, 'title: "A New Release on Rescue at Sea"').replace(/^date: .*$/m, 'date: 2025-03-04'),
    );
    rmSync(path.join(content, 'releases/2024/cox-s-bazar-monsoon-volunteers'), { recursive: true });
    const french = path.join(seed, 'fr.mdx');
    writeFileSync(french, readFileSync(french, 'utf8').replace(/^title: .*$/m, 'title: "L’OIM et le HCR forment les partenaires libyens au sauvetage en mer"'));
    const strings = path.join(content, 'i18n/fr.yaml');
    writeFileSync(strings, readFileSync(strings, 'utf8').replace(/^news\.title: .*$/m, 'news.title: Actualités et communiqués'));
    // A section page's translation edited (Where we work in Spanish: the countries index), another's retitled (the
    // menu of every Spanish page), and a country that gets an office of its own (its region's map, Where we work).
    appendFileSync(path.join(content, 'pages/where-we-work/es.mdx'), '\nUn párrafo añadido por la prueba.\n');
    const partnerships = path.join(content, 'pages/partnerships/es.mdx');
    writeFileSync(partnerships, readFileSync(partnerships, 'utf8').replace(/^title: .*$/m, 'title: "Alianzas y asociaciones"'));
    const comoros = path.join(content, 'countries/km/country.yaml');
    writeFileSync(comoros, readFileSync(comoros, 'utf8').replace('presence: covered\ncoveredBy: MU\n', 'presence: country-office\n'));

    const output = build(content, site);
    expect(output).toMatch(/build: updating/);
    // The new release arrived with the English shard's other pages read from the live site, the deleted one among
    // them: its early index guessed wrong (a page is gone), and the shard was indexed again once Astro was done.
    expect(output).toMatch(/\(\d+ indexed again: begun while Astro rendered, then a page came or went\)/);
    expect(output).toMatch(/pagefind: {3}en-x-\d{6}: \d+ pages in \d+ ms\n/);
    const full = path.join(work, 'full');
    expect(build(content, full)).toMatch(/build: full build/);
    const { differ, onlyUpdated, onlyFull } = differences(site, full);
    expect(differ).toEqual([]);
    expect(onlyFull).toEqual([]);
    // What an update leaves behind: Astro's optimized images of the deleted release, which no page names any more.
    expect(onlyUpdated.every((file) => file.startsWith('_astro/'))).toBe(true);
    const pages = listSiteFiles(site).filter((file) => file.endsWith('.html')).map((file) => readFileSync(path.join(site, file), 'utf8'));
    for (const file of onlyUpdated) expect(pages.some((html) => html.includes(path.basename(file))), file).toBe(false);
    expect(listSiteFiles(site).filter((file) => file.includes('cox-s-bazar'))).toEqual([]);
    expect(readFileSync(path.join(site, 'es/countries/index.html'), 'utf8')).toContain('Un párrafo añadido por la prueba.');
  }, 300_000);

  it('is a full build again when a setting that changes the output changed', () => {
    expect(build(content, site, { SITE_SEARCH_SHARD_PAGES: '1' })).toMatch(/build: full build \(the code, dependencies or settings changed since the earlier build\)/);
  }, 180_000);

  it('is a full build when the output was put back from an older copy (as Turbo restores a cached build)', () => {
    expect(build(content, site)).toMatch(/build: full build/);
    const older = path.join(work, 'older-copy');
    cpSync(site, older, { recursive: true });
    appendFileSync(path.join(content, 'releases', releases[0]!, 'en.mdx'), '\nOne more sentence, so that the next build writes another search entry.\n');
    expect(build(content, site)).toMatch(/build: updating/);
    // Files written back into the same folder (its inode unchanged): the record of the last build no longer holds.
    cpSync(older, site, { recursive: true });
    expect(build(content, site)).toMatch(/build: full build \(the output folder was changed since the earlier build/);
  }, 300_000);
});

describe('an update interrupted while it moves files into place', () => {
  it('is finished by the next build from its journal: every file moved, the record of the build written', async () => {
    const dir = mkdtempSync(path.join(work, 'journal-'));
    const staging = path.join(dir, 'staging');
    const site = path.join(dir, 'site');
    mkdirSync(path.join(staging, 'en/news/x'), { recursive: true });
    mkdirSync(path.join(site, 'en/news/gone'), { recursive: true });
    writeFileSync(path.join(staging, 'en/news/x/index.html'), 'new page');
    writeFileSync(path.join(site, 'en/news/gone/index.html'), 'old page');
    const manifestFile = path.join(dir, 'manifest.json');
    const journal = path.join(dir, 'manifest.json.journal');
    writeFileSync(
      journal,
      JSON.stringify({
        steps: [
          { op: 'put', from: path.join(staging, 'en/news/x/index.html'), to: path.join(site, 'en/news/x/index.html') },
          // Done already before the interruption: its source is gone, so it is skipped.
          { op: 'put', from: path.join(staging, 'already-moved.html'), to: path.join(site, 'already-moved.html') },
          { op: 'rm', path: path.join(site, 'en/news/gone/index.html') },
        ],
        manifestFile,
        manifest: { version: 2, fingerprint: 'f', finalDir: site, inode: 0, stamp: undefined, keys: {}, files: ['en/news/x/index.html'], search: { entry: { version: '1.6.0' }, shards: {}, pages: {} } },
      }),
    );
    expect(await finishInterruptedUpdate(journal)).toBe(true);
    expect(readFileSync(path.join(site, 'en/news/x/index.html'), 'utf8')).toBe('new page');
    expect(existsSync(path.join(site, 'en/news/gone/index.html'))).toBe(false);
    expect(existsSync(journal)).toBe(false);
    expect((JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: string[] }).files).toEqual(['en/news/x/index.html']);
    expect(await finishInterruptedUpdate(journal)).toBe(false);
  });
});
