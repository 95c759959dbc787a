import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSiteContent } from '@iom/content-model/node';
import { buildSite } from '../support/build-site.ts';
import { makeFixtureContent } from '../support/fixture-content.ts';
import { readPage } from '../support/html.ts';
import { appDir, builtSiteDir } from '../support/paths.ts';
import { publishedTexts } from '../support/site-text.ts';

const repoContent = path.resolve(appDir, '../../content');

/**
 * The values content/ marks as placeholders, read from the records, in the forms a page could write them: as written,
 * with no-break spaces, an address with its lines joined, a phone as a tel: link. A value that content also gives
 * as confirmed (a name that is a release's press contact) or writes in a page's own text may be published for that
 * reason, so it is left out.
 */
async function placeholderForms(): Promise<Map<string, string>> {
  const { content } = await readSiteContent({ contentDir: repoContent, displayRoot: path.dirname(repoContent) });
  const confirmed = new Set(content.releases.flatMap((page) => page.contacts.flatMap((contact) => [contact.name, contact.phone, contact.email])));
  const pageTexts = [...content.releases, ...content.overviews].map((page) => readFileSync(path.join(path.dirname(repoContent), page.file), 'utf8')).join('\n');
  const forms = new Map<string, string>();
  const add = (value: string | string[], where: string) => {
    const candidates = Array.isArray(value) ? [...new Set([value.join(', '), value.join(' '), value.join('')])] : [value];
    for (const form of candidates) {
      if (confirmed.has(form) || pageTexts.includes(form)) continue;
      forms.set(form, where);
      forms.set(form.replace(/ /g, '\u00a0'), where);
      if (/^\+[\d ()-]+$/.test(form)) forms.set(`tel:${form.replace(/[^+0-9]/g, '')}`, where);
    }
  };
  const points: { where: string; point: Partial<Record<'address' | 'phone' | 'email', { value: string | string[]; placeholder: boolean }>> }[] = [];
  for (const country of content.countries) {
    if (country.chiefOfMission?.placeholder) add(country.chiefOfMission.value, `${country.file} chiefOfMission`);
    for (const office of country.offices) points.push({ where: country.file, point: office });
  }
  const organisation = content.organisationContacts;
  if (organisation) for (const point of [organisation.contacts.headquarters, ...Object.values(organisation.contacts.regionalOffices)]) points.push({ where: organisation.file, point });
  for (const { where, point } of points) {
    for (const field of ['address', 'phone', 'email'] as const) {
      const value = point[field];
      if (value?.placeholder) add(value.value, `${where} ${field}`);
    }
  }
  return forms;
}

/** Whether `text` holds `form` as a whole value, not inside a longer one (`hq@iom.int` in `media-hq@iom.int`). */
function holds(text: string, form: string): boolean {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + form.length] ?? ' ';
    if (!/[\p{L}\p{N}@.+_-]/u.test(before) && !/[\p{L}\p{N}@_-]/u.test(after)) return true;
  }
  return false;
}

describe('values marked as placeholders', () => {
  let forms: Map<string, string>;
  beforeAll(async () => {
    forms = await placeholderForms();
  });

  it('are read from the records: there are hundreds of them to keep out', () => {
    expect(forms.size).toBeGreaterThan(300);
    expect([...forms.keys()]).toContain('+218 21 000 0000');
  });

  it('appear in no page, feed, sitemap, data file or search fragment of the site', () => {
    const found: string[] = [];
    for (const { file, text } of publishedTexts(builtSiteDir)) {
      for (const [form, where] of forms) if (holds(text, form)) found.push(`${file}: "${form}" (${where})`);
    }
    expect(found).toEqual([]);
  });

  it('leave a country page saying plainly that its office has no confirmed contact yet', () => {
    const libya = readPage(builtSiteDir, 'en/countries/libya/index.html');
    expect(libya.querySelector('.country-office__unconfirmed')!.text).toBe('The contact details of this office have not been confirmed yet, so none are shown here.');
    expect(libya.querySelectorAll('.country-office [itemtype="https://schema.org/ContactPoint"]')).toHaveLength(0);
    expect(readPage(builtSiteDir, 'ar/countries/libya/index.html').querySelector('.country-office__unconfirmed')!.text).toBe('لم يتم تأكيد بيانات الاتصال بهذا المكتب بعد، ولذلك لا تُعرض هنا.');
  });
});

describe('a country without a confirmed contact of its own', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'fallback-contacts-')), 'dist');
  beforeAll(() => {
    const content = makeFixtureContent(['ly', 'tn', 'it', 'mu', 'km'], ['2016/iom-unhcr-train-libyan-partners']);
    // Confirmed: Mauritius' phone, the Middle East and North Africa regional office's, headquarters' e-mail.
    const mauritius = path.join(content, 'countries/mu/country.yaml');
    writeFileSync(mauritius, readFileSync(mauritius, 'utf8').replace(/(phone:\n\s+value: [^\n]+)\n\s+placeholder: true/, '$1'));
    cpSync(path.join(repoContent, 'organisation-contacts.yaml'), path.join(content, 'organisation-contacts.yaml'));
    writeFileSync(
      path.join(content, 'organisation-contacts.yaml'),
      'headquarters:\n  email:\n    value: headquarters@example.org\n  phone:\n    value: "+41 22 000 0000"\n    placeholder: true\n' +
        'regionalOffices:\n  middle-east-north-africa:\n    phone:\n      value: "+20 2 0000 0000"\n',
    );
    const { status, output } = buildSite(out, { SITE_CONTENT_DIR: content });
    expect(status, output).toBe(0);
  }, 180_000);

  const card = (page: string) => {
    const root = readPage(out, page);
    const contactPoint = root.querySelector('.country-office [itemtype="https://schema.org/ContactPoint"]');
    return { root, name: contactPoint?.querySelector('[itemprop="name"]')?.text, phone: contactPoint?.querySelector('[itemprop="telephone"]')?.getAttribute('href'), email: contactPoint?.querySelector('[itemprop="email"]')?.getAttribute('href') };
  };

  it('gives its regional office’s confirmed contact, in the page’s language', () => {
    expect(card('en/countries/libya/index.html')).toMatchObject({ name: 'Regional office in Cairo', phone: 'tel:+20200000000', email: undefined });
    expect(card('ar/countries/libya/index.html').root.querySelector('.country-office')!.text).toContain('يمكنكم التواصل مع هذا المكتب بدلاً من ذلك');
  });

  it('gives headquarters’ confirmed contact where the regional office has none, never its placeholders', () => {
    const italy = card('en/countries/italy/index.html');
    expect(italy).toMatchObject({ name: 'IOM Headquarters', phone: undefined, email: 'mailto:headquarters@example.org' });
    expect(italy.root.toString()).not.toContain('+41 22 000 0000');
    expect(card('fr/countries/italy/index.html').name).toBe('Siège de l’OIM');
  });

  it('gives the covering office’s confirmed contact to a covered country', () => {
    const comoros = card('en/countries/comoros/index.html');
    expect(comoros.name).toBe('IOM office in Mauritius');
    expect(comoros.phone).toMatch(/^tel:\+230/);
  });

  it('shows a country’s own confirmed contact, and no notice', () => {
    const mauritius = card('en/countries/mauritius/index.html');
    expect(mauritius.name).toBe('IOM Mauritius');
    expect(mauritius.root.querySelector('.country-office__unconfirmed')).toBeNull();
  });
});
