import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readSiteContent } from '@iom/content-model/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveIndex, readPagesFolder, readReleaseFolder } from '../../live-index.ts';
import { startWorkbench, type Workbench } from '../../server.ts';
import { prepareForStatus } from '../../status-preparer.ts';
import { fixtureReleases, makeFixtureContent } from '../support/fixture-content.ts';
import { pageClient } from '../support/page-client.ts';
import { rawRequest } from '../support/raw-request.ts';

const repoContent = path.resolve(import.meta.dirname, '../../../../../content');

describe('reading one folder again gives what reading the whole content gave', () => {
  it('for every release folder and the section pages of content/', async () => {
    const { content } = await readSiteContent({ contentDir: repoContent, displayRoot: path.dirname(repoContent), prepare: prepareForStatus });
    const known = { countries: new Set(content.countries.map((country) => country.code)), themes: new Set(content.themes) };
    const releasesDir = path.join(repoContent, 'releases');
    const folders = readdirSync(releasesDir).flatMap((year) => readdirSync(path.join(releasesDir, year)).map((key) => path.join(releasesDir, year, key)));
    expect(folders.length).toBeGreaterThan(10);
    const oneByOne = (await Promise.all(folders.map((folder) => readReleaseFolder(folder, path.dirname(repoContent), known)))).flat();
    const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(oneByOne)).toEqual(byId(content.releases));
    expect(byId(await readPagesFolder(path.join(repoContent, 'pages'), path.dirname(repoContent)))).toEqual(byId(content.pages));
  });
});

let fixture: ReturnType<typeof makeFixtureContent>;
let workbench: Workbench;
let getPage: (pathname: string) => Promise<string>;
const releaseDir = (id: string) => path.join(fixture.contentDir, 'releases', id);

beforeAll(async () => {
  fixture = makeFixtureContent({ git: true });
  workbench = await startWorkbench({ contentDir: fixture.contentDir, port: 0 });
  getPage = pageClient(workbench);
});
afterAll(async () => {
  await workbench.close();
  fixture.remove();
});

/** The queue's counts lines, and the entries it lists as `<state>: <title>`. */
async function queue(lang: string): Promise<{ counts: string; titles: string[]; pageCounts: string }> {
  const html = await getPage(`/?lang=${lang}&ui=en`);
  return {
    counts: /<p class="counts" id="counts">([^<]*)<\/p>/.exec(html)?.[1] ?? '',
    pageCounts: /<p class="counts" id="page-counts">([^<]*)<\/p>/.exec(html)?.[1] ?? '',
    titles: [...html.matchAll(/<li class="queue-item state-(\w+)"><a [^>]*>([^<]*)<\/a>/g)].map((match) => `${match[1]}: ${match[2]}`),
  };
}

const libya = 'IOM, UNHCR Train Libyan Partners on Saving Lives at Sea';
const moldova = 'New Helpline in Moldova Helps Jobseekers Check Offers Before They Travel';
const secondPhase = 'Second Phase of the Helpline in Moldova Helps Jobseekers Check Offers Before They Travel';

describe('the queue after a git pull, without a restart', () => {
  it('shows the new release, the changed source and the deleted translations at once', async () => {
    const before = { es: await queue('es'), fr: await queue('fr'), ar: await queue('ar') };
    expect(before.es.counts).toContain('Missing: 1 ·');
    expect(before.fr.titles).toEqual([]);
    expect(before.ar.pageCounts).toMatch(/^Section pages missing: 0 ·/);

    // A colleague's checkout: a new release, a change to a source, two translations removed; then a pull here.
    const colleague = path.join(fixture.root, 'colleague');
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe' });
    git(fixture.root, 'clone', '-q', fixture.root, colleague);
    const theirs = (...parts: string[]) => path.join(colleague, 'content', ...parts);
    const copy = theirs('releases', '2025', 'moldova-helpline-second-phase');
    cpSync(theirs('releases', fixtureReleases.noSpanish), copy, { recursive: true });
    rmSync(path.join(copy, 'fr.mdx'));
    writeFileSync(path.join(copy, 'en.mdx'), readFileSync(path.join(copy, 'en.mdx'), 'utf8').replace('title: "New Helpline in Moldova', 'title: "Second Phase of the Helpline in Moldova').replace('date: 2025-05-06', 'date: 2025-06-10'));
    const english = theirs('releases', fixtureReleases.fourLanguages, 'en.mdx');
    writeFileSync(english, readFileSync(english, 'utf8').replace('Some 2,731 deaths', 'In all, some 2,731 deaths'));
    rmSync(theirs('releases', fixtureReleases.noSpanish, 'fr.mdx'));
    rmSync(theirs('pages', 'who-we-are', 'ar.mdx'));
    git(colleague, 'add', '-A');
    git(colleague, '-c', 'user.name=Colleague', '-c', 'user.email=colleague@example.invalid', 'commit', '-q', '-m', 'A new release and a corrected source');
    git(fixture.root, 'pull', '-q', '--ff-only', colleague, 'HEAD');

    const es = await queue('es');
    expect(es.counts).toContain('Missing: 2 ·');
    expect(es.titles[0]).toBe(`missing: ${secondPhase}`);
    const fr = await queue('fr');
    expect(fr.titles).toEqual([`missing: ${secondPhase}`, `missing: ${moldova}`, `stale: ${libya}`]);
    expect(fr.counts).toBe('Missing: 2 · Out of date: 1 · Up to date: 1 · Written in this language: 0');
    expect((await queue('ar')).pageCounts).toMatch(/^Section pages missing: 1 ·/);
    // The change is counted from git history, as for any out-of-date translation.
    expect(await getPage('/?lang=fr&ui=en')).toContain('Changed: 1 of');
    // The editor opens the new release: the index found it on disk.
    expect(await getPage('/edit?release=2025/moldova-helpline-second-phase&lang=es&ui=en')).toContain('This translation does not exist yet.');
  });

  it('forgets a release folder deleted from disk: the queue, the editor and the API', async () => {
    rmSync(releaseDir('2025/moldova-helpline-second-phase'), { recursive: true });
    expect((await queue('es')).titles.join('\n')).not.toContain('Second Phase');
    expect(await getPage('/edit?release=2025/moldova-helpline-second-phase&lang=es&ui=en')).toContain('There is no such release');
    const port = Number(new URL(workbench.origin).port);
    const check = await rawRequest(port, 'POST', '/api/check', { 'content-type': 'application/json', 'x-workbench-token': workbench.token }, { release: '2025/moldova-helpline-second-phase', lang: 'es', fields: { body: 'x' } });
    expect(check.status).toBe(404);
  });

  it('sees a source edited in place (an editor saving it) once the watcher reports it', async () => {
    const rescue = 'Rescue Partners from Libya, Tunisia and Italy Meet in Tunis to Coordinate Life-Saving Work at Sea';
    const english = path.join(releaseDir(fixtureReleases.withImage), 'en.mdx');
    expect((await queue('es')).titles).not.toContain(`stale: ${rescue}`);
    writeFileSync(english, readFileSync(english, 'utf8').replace('met in Tunis this week', 'met in Tunis on Tuesday'));
    // The file's folder does not change: only the watcher's event says so, delivered a moment later.
    let titles: string[] = [];
    for (let attempt = 0; attempt < 100 && !titles.includes(`stale: ${rescue}`); attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      titles = (await queue('es')).titles;
    }
    expect(titles).toContain(`stale: ${rescue}`);
  });
});

describe('without a watcher (a network drive)', () => {
  it('re-reads a folder it is told changed, and with a sweep every folder a file was added to or deleted from', async () => {
    const copy = makeFixtureContent();
    try {
      const { content } = await readSiteContent({ contentDir: copy.contentDir, displayRoot: copy.root, prepare: prepareForStatus });
      const live = liveIndex({ contentDir: copy.contentDir, displayRoot: copy.root, releases: content.releases, pages: content.pages, known: { countries: new Set(), themes: new Set() }, watch: false });
      expect(live.watching).toBe(false);
      const folder = (id: string) => path.join(copy.contentDir, 'releases', id);
      const state = (id: string, lang: 'fr' | 'es') => live.releases.byId.get(id)?.states[lang];
      rmSync(path.join(folder(fixtureReleases.fourLanguages), 'es.mdx'));
      rmSync(path.join(folder(fixtureReleases.noSpanish), 'fr.mdx'));
      live.invalidate(folder(fixtureReleases.fourLanguages));
      await live.refresh();
      expect(state(fixtureReleases.fourLanguages, 'es')).toBe('missing');
      expect(state(fixtureReleases.noSpanish, 'fr')).toBe('current');
      await live.refresh({ sweep: true });
      expect(state(fixtureReleases.noSpanish, 'fr')).toBe('missing');
      // A new release folder is found by its year folder's time.
      cpSync(folder(fixtureReleases.withImage), path.join(copy.contentDir, 'releases', '2017', 'a-copy'), { recursive: true });
      await live.refresh({ sweep: true });
      expect(live.releases.byId.has('2017/a-copy')).toBe(true);
      // An edit in place changes no folder: a sweep does not see it (the watcher would).
      const english = path.join(folder(fixtureReleases.withImage), 'en.mdx');
      writeFileSync(english, readFileSync(english, 'utf8').replace('met in Tunis this week', 'met in Tunis on Tuesday'));
      await live.refresh({ sweep: true });
      expect(state(fixtureReleases.withImage, 'fr')).toBe('current');
      live.close();
    } finally {
      copy.remove();
    }
  });
});
