import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from '../../server.ts';
import { fixtureReleases, makeFixtureContent } from '../support/fixture-content.ts';
import { pageClient } from '../support/page-client.ts';

let workbench: Workbench;
let fixture: ReturnType<typeof makeFixtureContent>;
/** A page of the workbench, as the browser gets it once the token is in its cookie. */
let getPage: (pathname: string) => Promise<string>;
beforeAll(async () => {
  // No git here: the source changes, but the version the translations were made from is nowhere to be found.
  fixture = makeFixtureContent();
  const english = path.join(fixture.contentDir, 'releases', fixtureReleases.fourLanguages, 'en.mdx');
  writeFileSync(english, readFileSync(english, 'utf8').replace('Some 2,731 deaths', 'Some 2,731 deaths'.replace('Some', 'In all, some')));
  workbench = await startWorkbench({ contentDir: fixture.contentDir, port: 0 });
  getPage = pageClient(workbench);
});
afterAll(async () => {
  await workbench.close();
  fixture.remove();
});

describe('the queue narrowed to a country or a theme', () => {
  it('keeps the releases about that country or with that theme, and the paging links keep the choice', async () => {
    const moldova = await getPage('/?lang=ar&country=MD');
    expect(moldova).toContain('New Helpline in Moldova');
    expect(moldova).not.toContain('Libyan Partners');
    expect(moldova).toContain('<option value="MD" selected>');
    const rescue = await getPage('/?lang=ar&theme=search-and-rescue');
    expect(rescue).toContain('Libyan Partners');
    expect(rescue).not.toContain('New Helpline in Moldova');
    expect(rescue).toContain('Missing: 0 · Out of date: 1');
    // An unknown choice is ignored, not an error.
    expect(await getPage('/?lang=ar&country=ZZ&theme=%3Cscript%3E')).toContain('New Helpline in Moldova');
  });
});

describe('a release with a lead image', () => {
  it('shows the image’s description and caption as fields, beside the source’s', async () => {
    const html = await getPage(`/edit?release=${fixtureReleases.withImage}&lang=es`);
    expect(html).toContain('<label for="imageAlt">Image description (alternative text)</label>');
    expect(html).toContain('value="Un bote de rescate naranja se acerca a una lancha neumática en un mar en calma"');
    expect(html).toContain('An orange rescue boat approaches a rubber dinghy on a calm sea');
    expect(html).toContain('<label for="imageCaption">');
    // A release without an image has no such fields (the page's data still names the label, for its problems list).
    const withoutImage = await getPage(`/edit?release=${fixtureReleases.noSpanish}&lang=es`);
    expect(withoutImage).not.toContain('id="imageAlt"');
    expect(withoutImage).not.toContain('id="imageCaption"');
  });
});

describe('an out-of-date translation whose source history is not in git', () => {
  it('is listed and opened as out of date, and says why no section is marked (in Arabic too)', async () => {
    expect(await getPage('/?lang=ar')).toContain('Out of date: 1');
    const english = await getPage(`/edit?release=${fixtureReleases.fourLanguages}&lang=fr`);
    expect(english).toContain('Out of date');
    expect(english).toContain('is not in this folder’s git history');
    expect(english).not.toContain('class="pair changed"');
    const arabic = await getPage(`/edit?release=${fixtureReleases.fourLanguages}&lang=ar&ui=ar`);
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('ليست في سجل git');
  });
});
