import path from 'node:path';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslate, listedItems, type ListingItem, type ReleasePage } from '@iom/content-model';
import { readSiteContent } from '@iom/content-model/node';
import { createPageContext } from '@iom/ui/page-context';
import { createPageKeys } from '../../src/lib/page-keys.ts';
import { appDir } from '../support/paths.ts';

// Components are compiled by Astro's Vite plugin; tsc, which checks the tests, does not read .astro files.
const component = '@iom/ui/components/ReleaseList.astro';
const ReleaseList = ((await import(/* @vite-ignore */ component)) as { default: AstroComponentFactory }).default;

const contentDir = path.resolve(appDir, '../../content');
const { content } = await readSiteContent({ contentDir, displayRoot: path.dirname(contentDir) });
const keys = createPageKeys({ ...content, countries: content.countries, organisationContacts: {}, menus: { en: [], fr: [], es: [], ar: [] } });
const ctx = createPageContext('en', createTranslate(content.strings.en), '/');
// A release with every field a list could show filled in.
const release = content.releases.find((page) => page.lang === 'en' && page.summary && page.updated === undefined)!;

/** Another value of the same kind, valid where the list needs it to be (a date, a type, a language). */
function changed(field: string, value: unknown): unknown {
  if (field === 'date') return '1999-01-01';
  if (field === 'type') return value === 'news' ? 'story' : 'news';
  if (field === 'lang' || field === 'sourceLang') return value === 'fr' ? 'es' : 'fr';
  if (typeof value === 'string') return `${value}x`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return [...(value as unknown[]), 'x'];
  if (value && typeof value === 'object') return { ...value, changed: true };
  return 'x';
}

describe('what a list shows and what its key covers', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (items: ListingItem[]) => container.renderToString(ReleaseList, { props: { ctx, items: listedItems(items) } });

  it('cannot drift apart: every change of a release that changes the list changes the key', async () => {
    const item: ListingItem = { page: release, foreign: false };
    const html = await render([item]);
    const key = keys.items([item]);
    const shown: string[] = [];
    const fields = [...new Set([...Object.keys(release), 'updated', 'summary'])];
    for (const field of fields) {
      const values: Record<string, unknown> = { ...release };
      values[field] = changed(field, values[field]);
      const page = values as unknown as ReleasePage;
      const other: ListingItem = { page, foreign: false };
      if ((await render([other])) !== html) {
        shown.push(field);
        expect(keys.items([other]), `the list shows "${field}", but its key does not cover it`).not.toBe(key);
      }
    }
    // The check is not vacuous: the list shows these fields, and a change of the release's text is not among them.
    expect(shown).toEqual(expect.arrayContaining(['title', 'summary', 'date', 'type', 'path']));
    const rewritten = { ...release, stored: { changed: true } } as unknown as ReleasePage;
    expect(keys.items([{ page: rewritten, foreign: false }])).toBe(key);
  });

  it('covers whether an item is in another language', async () => {
    const own: ListingItem = { page: release, foreign: false };
    const foreign: ListingItem = { page: release, foreign: true };
    expect(await render([foreign])).not.toBe(await render([own]));
    expect(keys.items([foreign])).not.toBe(keys.items([own]));
  });
});
