import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { listFiles } from '@iom/files';
import path from 'node:path';
import type { ContentIssue } from '@iom/safe-mdx';
import { unconfirmedValues, type UnconfirmedValue } from './contact-points.ts';
import { validateCountries, type CountryFileInput, type CountryRecord } from './countries.ts';
import { frontmatterIssues } from './frontmatter-issues.ts';
import { OrganisationContactsSchema, type OrganisationContacts } from './schemas/country.ts';
import { linkCountryOverviews, type CountryOverview, type CountryOverviewInput } from './country-overviews.ts';
import type { OfficialNames } from './country-names.ts';
import { localeCodes, type Locale } from './locales.ts';
import { imageExtensions, mediaPrefix } from '@iom/safe-mdx';
import { decodeContentSource } from '@iom/safe-mdx';
import type { PrepareRender } from './prepare/prepare-file.ts';
import { prepareInProcess, type PrepareContent, type PreparedContent } from './prepare/prepare-content.ts';
import { linkReleases, urlCollisions, validateReleaseFile, type ReleasePage, type ValidatedReleaseFile } from './releases.ts';
import { linkSitePages, type SitePage, type SitePageInput } from './site-pages.ts';
import { mayBeSource } from './translation/translation-file.ts';
import { resolveUiStrings, type MissingString, type UiStrings } from './ui-strings.ts';
import { parseYamlFile } from './yaml-file.ts';

/** Everything the site is built from, validated and linked. */
export interface SiteContent {
  releases: ReleasePage[];
  countries: CountryRecord[];
  themes: string[];
  strings: Record<Locale, UiStrings>;
  officialNames: OfficialNames;
  /** UI strings a language lacks (shown in English meanwhile). */
  missingStrings: MissingString[];
  /** Country overviews in every language they are written in. */
  overviews: CountryOverview[];
  /** Section pages of the menu (Who we are, Our work, …) in every language they are written in. */
  pages: SitePage[];
  /** How readers reach the organisation where an office has no confirmed contact (content/organisation-contacts.yaml). */
  organisationContacts?: { file: string; contacts: OrganisationContacts } | undefined;
  /** Values still marked as placeholders: never published, listed for editors to confirm. */
  unconfirmed: UnconfirmedValue[];
}

/** The rendered body of a page (a release or an overview), and its words for search. */
export interface PageBody {
  /** The HTML, when rendered without a cache. */
  html?: string | undefined;
  /** Where the HTML is in the content cache, when rendered with one (read it with `readStoredBody`). */
  stored?: unknown;
  /** Files the body shows or links to, as paths from the content folder (`media/sample/rescue-boat.jpg`). */
  media: string[];
}

export interface ReadSiteContentOptions {
  /** Folder holding releases/, countries/, i18n/, media/ and themes.yaml. */
  contentDir: string;
  /** Folder that file paths in messages are relative to (the content folder's parent). */
  displayRoot: string;
  /** How to render bodies, per language, from the resolved UI strings; no rendering when absent (checks only). */
  render?: (lang: Locale, strings: UiStrings) => PrepareRender;
  /** How MDX files are prepared (parsed, checked, rendered): in this process by default; the site build caches them. */
  prepare?: PrepareContent | undefined;
  /** `exclude` leaves out releases and overviews marked `sample: true` (a site for the public); default `include`. */
  samples?: 'include' | 'exclude' | undefined;
}

/** Where a field of a prepared file is, from its serialized positions. */
const positionsOf = (prepared: PreparedContent) => (field: string) => prepared.positions[field];

/**
 * Reads, checks and links all content under `contentDir`. Never throws for content problems: every problem of every
 * file is returned in `issues`, so one run lists them all. MDX files are prepared together (by `options.prepare`:
 * the site build's caches them and uses worker threads); bodies come back by page id (`<key>/<lang>` for releases, `<CODE>/<lang>` for
 * country overviews).
 */
export async function readSiteContent(options: ReadSiteContentOptions): Promise<{ content: SiteContent; bodies: Map<string, PageBody>; issues: ContentIssue[] }> {
  const { contentDir, displayRoot } = options;
  const display = (file: string) => path.relative(displayRoot, file).split(path.sep).join('/');
  const issues: ContentIssue[] = [];

  const readYaml = async (file: string) => {
    if (!existsSync(file)) return undefined;
    const decoded = decodeContentSource(display(file), await readFile(file));
    if ('issue' in decoded) {
      issues.push(decoded.issue);
      return undefined;
    }
    const parsed = parseYamlFile(display(file), decoded.text);
    issues.push(...parsed.issues);
    return parsed.issues.length ? undefined : parsed;
  };

  // UI strings
  const byLocale: Partial<Record<Locale, UiStrings>> = {};
  for (const lang of localeCodes) {
    const file = path.join(contentDir, 'i18n', `${lang}.yaml`);
    const parsed = await readYaml(file);
    if (parsed && parsed.data && typeof parsed.data === 'object') {
      const entries = Object.entries(parsed.data as Record<string, unknown>);
      for (const [key, value] of entries) {
        if (typeof value !== 'string') {
          issues.push({ file: display(file), ...parsed.fieldPosition(key), field: key, message: `The text of "${key}" is not plain text.`, fix: 'Write the text on the same line after the colon, in quotes if it contains a colon.' });
        }
      }
      byLocale[lang] = Object.fromEntries(entries.filter(([, value]) => typeof value === 'string')) as UiStrings;
    }
  }
  const { strings, missing } = resolveUiStrings(byLocale);

  // Themes and official names
  const themesParsed = await readYaml(path.join(contentDir, 'themes.yaml'));
  const themes = Array.isArray(themesParsed?.data) ? (themesParsed.data as unknown[]).map(String) : [];
  const namesParsed = await readYaml(path.join(contentDir, 'countries', 'official-names.yaml'));
  const officialNames = (namesParsed?.data ?? {}) as OfficialNames;

  // Countries
  const countryFiles = await listFiles(path.join(contentDir, 'countries'), { paths: 'absolute' });
  const countryInputs: CountryFileInput[] = [];
  for (const file of countryFiles) {
    if (path.basename(file) !== 'country.yaml') continue;
    const parsed = await readYaml(file);
    if (!parsed) continue;
    countryInputs.push({ file: display(file), folder: path.basename(path.dirname(file)), data: parsed.data, fieldPosition: parsed.fieldPosition });
  }
  const countryResult = validateCountries(countryInputs);
  issues.push(...countryResult.issues);

  // The organisation's fallback contacts
  const organisationFile = path.join(contentDir, 'organisation-contacts.yaml');
  const organisationParsed = await readYaml(organisationFile);
  let organisationContacts: SiteContent['organisationContacts'];
  if (organisationParsed) {
    const result = OrganisationContactsSchema.safeParse(organisationParsed.data, { reportInput: true });
    if (result.success) organisationContacts = { file: display(organisationFile), contacts: result.data };
    else issues.push(...frontmatterIssues(display(organisationFile), OrganisationContactsSchema, result.error, organisationParsed.fieldPosition));
  }
  const countryCodes = new Set(countryResult.countries.map((country) => country.code));

  // Every MDX file at once: releases (content/releases/<year>/<key>/<lang>.mdx) and country overviews.
  const releasesDir = path.join(contentDir, 'releases');
  const releaseFiles: string[] = [];
  for (const file of await listFiles(releasesDir, { paths: 'absolute' })) {
    const relative = path.relative(releasesDir, file).split(path.sep);
    if (file.endsWith('.mdx') && relative.length === 3) releaseFiles.push(file);
    else if (!path.basename(file).startsWith('.') && /\.(mdx?|markdown)$/.test(file)) {
      issues.push({ file: display(file), message: 'This file is not where release files go.', fix: 'Put release files at content/releases/<year>/<release-folder>/<language>.mdx, for example content/releases/2016/my-release/en.mdx.' });
    }
  }
  const overviewFiles = countryFiles.filter((file) => file.endsWith('.mdx'));
  // Section pages: content/pages/<key>/<lang>.mdx.
  const pagesDir = path.join(contentDir, 'pages');
  const pageFiles: string[] = [];
  for (const file of await listFiles(pagesDir, { paths: 'absolute' })) {
    const relative = path.relative(pagesDir, file).split(path.sep);
    if (file.endsWith('.mdx') && relative.length === 2) pageFiles.push(file);
    else if (!path.basename(file).startsWith('.') && /\.(mdx?|markdown)$/.test(file)) {
      issues.push({ file: display(file), message: 'This file is not where page files go.', fix: 'Put page files at content/pages/<page-folder>/<language>.mdx, for example content/pages/who-we-are/en.mdx.' });
    }
  }
  const mdxFiles = [...releaseFiles, ...overviewFiles, ...pageFiles];
  const render = options.render;
  const specs = render ? Object.fromEntries(localeCodes.map((lang) => [lang, render(lang, strings[lang])])) : undefined;
  const prepare = options.prepare ?? prepareInProcess;
  const prepared = await prepare(
    mdxFiles.map((file) => ({ file: display(file), path: file, lang: path.basename(file, '.mdx') })),
    { render: specs },
  );
  const preparedByFile = new Map(mdxFiles.map((file, index) => [file, prepared[index]!]));

  const mediaDir = path.join(contentDir, 'media');
  /** Where a reference points, as a path from the content folder; problems with it are reported. */
  const checkMedia = (file: string, result: PreparedContent): string[] => {
    const shown = display(file);
    const found: string[] = [];
    for (const reference of result.media) {
      const at = { file: shown, line: reference.line, column: reference.column };
      if (reference.from === 'media') {
        const inMedia = path.resolve(mediaDir, reference.path);
        if (!inMedia.startsWith(mediaDir + path.sep) || !existsSync(inMedia)) {
          issues.push({
            ...at,
            field: 'media',
            message: `The file ${mediaPrefix}${reference.path} is not in ${display(mediaDir)}/.`,
            fix: `Add the file to ${display(path.join(mediaDir, reference.path))}, or correct the path (it is case-sensitive).`,
          });
        } else {
          found.push(path.relative(contentDir, inMedia).split(path.sep).join('/'));
        }
        continue;
      }
      const folder = path.dirname(file);
      const shownFolder = `${display(folder)}/`;
      const written = reference.path;
      let relative: string;
      try {
        relative = decodeURI(written.split(/[?#]/)[0]!);
      } catch {
        relative = written;
      }
      const target = path.resolve(folder, relative);
      const extension = path.extname(target).slice(1).toLowerCase();
      const useMedia = `or put it in ${display(mediaDir)}/ and write src="${mediaPrefix}…"`;
      if (!target.startsWith(folder + path.sep)) {
        issues.push({
          ...at,
          field: 'src',
          message: `The image "${written}" is outside this file's folder (${shownFolder}): an image given by a relative path must be in the same folder.`,
          fix: `Put the image in ${shownFolder} and write src="./${path.basename(target)}", ${useMedia}.`,
        });
      } else if (!(imageExtensions as readonly string[]).includes(extension)) {
        issues.push({
          ...at,
          field: 'src',
          message: `"${written}" is not a photo the site can show (it shows ${imageExtensions.map((ext) => `.${ext}`).join(', ')} files).`,
          fix: 'Save the image as a .jpg (photos) or .png (drawings, maps) file and write its name here.',
        });
      } else if (!existsSync(target)) {
        issues.push({
          ...at,
          field: 'src',
          message: `The image "${written}" is not in this file's folder (${shownFolder}).`,
          fix: `Add the file ${display(target)}, correct the name (it is case-sensitive), ${useMedia}.`,
        });
      } else {
        found.push(path.relative(contentDir, target).split(path.sep).join('/'));
      }
    }
    return found;
  };
  const bodies = new Map<string, PageBody>();
  const bodyOf = (result: PreparedContent, media: string[]): PageBody => ({
    html: result.html,
    stored: result.stored,
    media,
  });

  // Country overviews
  const overviewInputs: CountryOverviewInput[] = [];
  // Pages whose source could not be read: its own problems are reported, its translations are not checked.
  const unreadableOverviews = new Set<string>();
  for (const file of overviewFiles) {
    const result = preparedByFile.get(file)!;
    const shown = display(file);
    issues.push(...result.issues);
    const media = checkMedia(file, result);
    const code = path.basename(path.dirname(file)).toUpperCase();
    if (result.issues.length) {
      if (mayBeSource(result.frontmatter)) unreadableOverviews.add(code);
      continue;
    }
    const lang = path.basename(file, '.mdx');
    overviewInputs.push({ file: shown, code, lang, frontmatter: result.frontmatter, fieldPosition: positionsOf(result), fingerprint: result.fingerprint });
    bodies.set(`${code}/${lang}`, bodyOf(result, media));
  }
  const overviewResult = linkCountryOverviews(overviewInputs, countryCodes, unreadableOverviews);
  issues.push(...overviewResult.issues);

  // Releases
  const validated: ValidatedReleaseFile[] = [];
  const unreadableReleases = new Set<string>();
  for (const file of releaseFiles) {
    const [year, key, name] = path.relative(releasesDir, file).split(path.sep) as [string, string, string];
    const result = preparedByFile.get(file)!;
    const shown = display(file);
    issues.push(...result.issues);
    const media = checkMedia(file, result);
    const unreadable = () => {
      if (mayBeSource(result.frontmatter)) unreadableReleases.add(key);
    };
    if (!result.frontmatter && result.issues.length) {
      unreadable();
      continue;
    }
    const fieldPosition = positionsOf(result);
    const validation = validateReleaseFile({ file: shown, key, year, lang: name.replace(/\.mdx$/, ''), frontmatter: result.frontmatter, fieldPosition, fingerprint: result.fingerprint });
    issues.push(...validation.issues);
    if (!validation.file || result.issues.length) {
      unreadable();
      continue;
    }
    const release = validation.file;
    if (release.kind === 'source') {
      // Attachments in the frontmatter may point into content/media/ too.
      release.data.attachments.forEach((attachment, index) => {
        if (attachment.href.startsWith(mediaPrefix) && !existsSync(path.join(mediaDir, decodeURI(attachment.href.slice(mediaPrefix.length))))) {
          issues.push({ file: shown, ...fieldPosition(`attachments.${index}.href`), field: `attachments.${index}.href`, message: `The file ${attachment.href} is not in content/media/.`, fix: 'Add the file to content/media/, or correct the path.' });
        }
      });
      const lead = release.data.image?.src;
      if (lead && !existsSync(path.join(mediaDir, decodeURI(lead.slice(mediaPrefix.length))))) {
        issues.push({ file: shown, ...fieldPosition('image.src'), field: 'image.src', message: `The file ${lead} is not in content/media/.`, fix: 'Add the photo to content/media/, or correct the path (it is case-sensitive).' });
      }
      if (release.data.date.slice(0, 4) !== year) {
        issues.push({ file: shown, ...fieldPosition('date'), field: 'date', message: `The date ${release.data.date} is not in the year of the folder (${year}).`, fix: `Move the release folder to content/releases/${release.data.date.slice(0, 4)}/, or correct the date.` });
      }
    }
    validated.push(release);
    bodies.set(`${key}/${release.lang}`, bodyOf(result, media));
  }
  const linked = linkReleases(validated, { countries: countryCodes, themes: new Set(themes) }, unreadableReleases);

  // Section pages
  const pageInputs: SitePageInput[] = [];
  const unreadablePages = new Set<string>();
  for (const file of pageFiles) {
    const result = preparedByFile.get(file)!;
    const shown = display(file);
    issues.push(...result.issues);
    const media = checkMedia(file, result);
    const key = path.basename(path.dirname(file));
    const lang = path.basename(file, '.mdx');
    if (result.issues.length) {
      if (mayBeSource(result.frontmatter)) unreadablePages.add(key);
      continue;
    }
    pageInputs.push({ file: shown, key, lang, frontmatter: result.frontmatter, fieldPosition: positionsOf(result), fingerprint: result.fingerprint });
    bodies.set(`page:${key}/${lang}`, bodyOf(result, media));
  }
  const sitePages = linkSitePages(pageInputs, unreadablePages);
  issues.push(...sitePages.issues, ...urlCollisions(sitePages.pages));
  const published = options.samples === 'exclude' ? (item: { sample: boolean }) => !item.sample : () => true;
  issues.push(...linked.issues);

  return {
    content: {
      releases: linked.pages.filter(published),
      countries: countryResult.countries,
      themes,
      strings,
      officialNames,
      missingStrings: missing,
      overviews: overviewResult.overviews.filter(published),
      pages: sitePages.pages.filter(published),
      organisationContacts,
      unconfirmed: unconfirmedValues(countryResult.countries, organisationContacts),
    },
    bodies,
    issues,
  };
}
