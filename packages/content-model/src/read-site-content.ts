import { existsSync, statSync } from 'node:fs';
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
import { linkReleases, urlCollisions, validateReleaseFile, type ReleaseLinkMemo, type ReleasePage, type ValidatedReleaseFile } from './releases.ts';
import { linkSitePages, type SitePage, type SitePageInput } from './site-pages.ts';
import { mayBeSource } from './translation/translation-of.ts';
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

/** What `readSiteContent` returns: the content, the rendered bodies by page id, every problem found. */
export interface SiteContentRead {
  content: SiteContent;
  bodies: Map<string, PageBody>;
  issues: ContentIssue[];
}

/**
 * Reads, checks and links all content under `contentDir`. Never throws for content problems: every problem of every
 * file is returned in `issues`, so one run lists them all. MDX files are prepared together (by `options.prepare`:
 * the site build's caches them and uses worker threads); bodies come back by page id (`<key>/<lang>` for releases, `<CODE>/<lang>` for
 * country overviews).
 */
export async function readSiteContent(options: ReadSiteContentOptions): Promise<SiteContentRead> {
  return (await openSiteContent(options)).read;
}

/**
 * Content read once and kept up to date as files change: what the translators' preview (`astro dev`) needs, where
 * a save must show in well under a second while reading everything again takes seconds.
 */
export interface SiteContentSession {
  /** The content as last read or updated. */
  readonly read: SiteContentRead;
  /**
   * Reads again what changed: `files` are absolute paths that were written, created or removed. A release, overview
   * or section page file is prepared and checked alone, then everything is linked again (a release's translations
   * and the URL collisions reach across files); any other file (UI strings, countries, themes, media) reads all
   * content again. The result equals what `readSiteContent` would return now (a test compares them).
   */
  update(files: Iterable<string>): Promise<SiteContentRead>;
}

type MdxKind = 'release' | 'overview' | 'page';

/** What one MDX file gave on its own: its problems in the order they are reported, and what linking needs. */
interface MdxFileResult {
  issues: ContentIssue[];
  body?: PageBody;
  /** The release folder, country code or page key whose source could not be read (its translations go unchecked). */
  unreadable?: string;
  release?: ValidatedReleaseFile;
  overview?: CountryOverviewInput;
  page?: SitePageInput;
}

/** What the MDX files are checked against: UI strings (for rendering), themes, countries, fallback contacts. */
interface ContentSettings {
  issues: ContentIssue[];
  strings: Record<Locale, UiStrings>;
  missing: MissingString[];
  themes: string[];
  officialNames: OfficialNames;
  countries: CountryRecord[];
  countryCodes: Set<string>;
  countryFiles: string[];
  organisationContacts: SiteContent['organisationContacts'];
  render: Record<string, PrepareRender> | undefined;
}

/** Reads content and returns it with the means to read again only what changes (see {@link SiteContentSession}). */
export async function openSiteContent(options: ReadSiteContentOptions): Promise<SiteContentSession> {
  const { contentDir, displayRoot } = options;
  // Most files are inside the display root: cutting its prefix gives what path.relative would, for a fraction of the
  // cost (it was called for each of 50,000 files).
  const rootPrefix = path.resolve(displayRoot) + path.sep;
  const display = (file: string) => {
    const shown = file.startsWith(rootPrefix) ? file.slice(rootPrefix.length) : path.relative(displayRoot, file);
    return path.sep === '/' ? shown : shown.split(path.sep).join('/');
  };
  const releasesDir = path.join(contentDir, 'releases');
  const pagesDir = path.join(contentDir, 'pages');
  const countriesDir = path.join(contentDir, 'countries');
  const mediaDir = path.join(contentDir, 'media');

  /** Which kind of MDX file a path is, from where it sits; undefined for any other file. */
  const kindOf = (file: string): MdxKind | undefined => {
    if (!file.endsWith('.mdx')) return undefined;
    const inside = (dir: string, depth: number) => file.startsWith(dir + path.sep) && path.relative(dir, file).split(path.sep).length === depth;
    if (inside(releasesDir, 3)) return 'release';
    if (inside(pagesDir, 2)) return 'page';
    if (file.startsWith(countriesDir + path.sep)) return 'overview';
    return undefined;
  };

  /** Where a reference points, as a path from the content folder; problems with it are reported. */
  const checkMedia = (file: string, result: PreparedContent, issues: ContentIssue[]): string[] => {
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

  const bodyOf = (result: PreparedContent, media: string[]): PageBody => ({ html: result.html, stored: result.stored, media });

  /** The problems and linking input of one prepared MDX file: depends on that file and the media folder only. */
  const fileResult = (kind: MdxKind, file: string, result: PreparedContent): MdxFileResult => {
    const shown = display(file);
    const issues: ContentIssue[] = [...result.issues];
    const media = checkMedia(file, result, issues);
    const lang = path.basename(file, '.mdx');
    if (kind === 'overview') {
      const code = path.basename(path.dirname(file)).toUpperCase();
      if (result.issues.length) return { issues, unreadable: mayBeSource(result.frontmatter) ? code : undefined };
      return { issues, overview: { file: shown, code, lang, frontmatter: result.frontmatter, fieldPosition: positionsOf(result), fingerprint: result.fingerprint }, body: bodyOf(result, media) };
    }
    if (kind === 'page') {
      const key = path.basename(path.dirname(file));
      if (result.issues.length) return { issues, unreadable: mayBeSource(result.frontmatter) ? key : undefined };
      return { issues, page: { file: shown, key, lang, frontmatter: result.frontmatter, fieldPosition: positionsOf(result), fingerprint: result.fingerprint }, body: bodyOf(result, media) };
    }
    const [year, key] = path.relative(releasesDir, file).split(path.sep) as [string, string, string];
    const unreadable = mayBeSource(result.frontmatter) ? key : undefined;
    if (!result.frontmatter && result.issues.length) return { issues, unreadable };
    const fieldPosition = positionsOf(result);
    const validation = validateReleaseFile({ file: shown, key, year, lang, frontmatter: result.frontmatter, fieldPosition, fingerprint: result.fingerprint });
    issues.push(...validation.issues);
    if (!validation.file || result.issues.length) return { issues, unreadable };
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
    return { issues, release, body: bodyOf(result, media) };
  };

  const readSettings = async (): Promise<ContentSettings> => {
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
    const namesParsed = await readYaml(path.join(countriesDir, 'official-names.yaml'));
    const officialNames = (namesParsed?.data ?? {}) as OfficialNames;

    // Countries
    const countryFiles = await listFiles(countriesDir, { paths: 'absolute' });
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
    const render = options.render;
    return {
      issues,
      strings,
      missing,
      themes,
      officialNames,
      countries: countryResult.countries,
      countryCodes: new Set(countryResult.countries.map((country) => country.code)),
      countryFiles,
      organisationContacts,
      render: render ? Object.fromEntries(localeCodes.map((lang) => [lang, render(lang, strings[lang])])) : undefined,
    };
  };

  /** Everything read: the settings, the MDX files in the order they are listed, and what each gave. */
  interface SessionState {
    settings: ContentSettings;
    /** Files in the content folders that are not where content files go. */
    misplaced: ContentIssue[];
    files: Record<MdxKind, string[]>;
    results: Map<string, MdxFileResult>;
    /** Links of release folders whose files did not change, reused by the next `linkReleases`. */
    releaseLinks: ReleaseLinkMemo;
  }

  const readAll = async (): Promise<SessionState> => {
    const settings = await readSettings();
    const misplaced: ContentIssue[] = [];
    // Every MDX file at once: releases (content/releases/<year>/<key>/<lang>.mdx), country overviews and section
    // pages (content/pages/<key>/<lang>.mdx).
    const files: Record<MdxKind, string[]> = { release: [], overview: [], page: [] };
    for (const [dir, kind, where] of [
      [releasesDir, 'release', 'Put release files at content/releases/<year>/<release-folder>/<language>.mdx, for example content/releases/2016/my-release/en.mdx.'],
      [pagesDir, 'page', 'Put page files at content/pages/<page-folder>/<language>.mdx, for example content/pages/who-we-are/en.mdx.'],
    ] as const) {
      for (const file of await listFiles(dir, { paths: 'absolute' })) {
        if (kindOf(file) === kind) files[kind].push(file);
        else if (!path.basename(file).startsWith('.') && /\.(mdx?|markdown)$/.test(file)) {
          misplaced.push({ file: display(file), message: `This file is not where ${kind} files go.`, fix: where });
        }
      }
    }
    files.overview = settings.countryFiles.filter((file) => file.endsWith('.mdx'));
    const mdxFiles = [...files.release, ...files.overview, ...files.page];
    const prepare = options.prepare ?? prepareInProcess;
    const prepared = await prepare(
      mdxFiles.map((file) => ({ file: display(file), path: file, lang: path.basename(file, '.mdx') })),
      { render: settings.render },
    );
    const results = new Map<string, MdxFileResult>();
    mdxFiles.forEach((file, index) => results.set(file, fileResult(kindOf(file) ?? 'overview', file, prepared[index]!)));
    return { settings, misplaced, files, results, releaseLinks: new Map() };
  };

  /** Links what the files gave into the site's content, reporting problems in the order a full read always has. */
  const assemble = (state: SessionState): SiteContentRead => {
    const { settings, results } = state;
    const issues: ContentIssue[] = [...settings.issues, ...state.misplaced];
    const bodies = new Map<string, PageBody>();

    /** The files' problems in order; for each file that can be linked, its input and its body (by page id). */
    const gather = <T>(files: readonly string[], input: (result: MdxFileResult) => T | undefined, pageId: (item: T) => string) => {
      const inputs: T[] = [];
      // Sources that could not be read: their own problems are reported, their translations are not checked.
      const unreadable = new Set<string>();
      for (const file of files) {
        const result = results.get(file)!;
        issues.push(...result.issues);
        const item = input(result);
        if (item === undefined) {
          if (result.unreadable) unreadable.add(result.unreadable);
          continue;
        }
        inputs.push(item);
        bodies.set(pageId(item), result.body!);
      }
      return { inputs, unreadable };
    };

    const overviews = gather(state.files.overview, (result) => result.overview, (overview) => `${overview.code}/${overview.lang}`);
    const overviewResult = linkCountryOverviews(overviews.inputs, settings.countryCodes, overviews.unreadable);
    issues.push(...overviewResult.issues);

    const releases = gather(state.files.release, (result) => result.release, (release) => `${release.input.key}/${release.lang}`);
    const linked = linkReleases(releases.inputs, { countries: settings.countryCodes, themes: new Set(settings.themes) }, releases.unreadable, state.releaseLinks);

    const pages = gather(state.files.page, (result) => result.page, (page) => `page:${page.key}/${page.lang}`);
    const sitePages = linkSitePages(pages.inputs, pages.unreadable);
    issues.push(...sitePages.issues, ...urlCollisions(sitePages.pages));
    const published = options.samples === 'exclude' ? (item: { sample: boolean }) => !item.sample : () => true;
    issues.push(...linked.issues);

    return {
      content: {
        releases: linked.pages.filter(published),
        countries: settings.countries,
        themes: settings.themes,
        strings: settings.strings,
        officialNames: settings.officialNames,
        missingStrings: settings.missing,
        overviews: overviewResult.overviews.filter(published),
        pages: sitePages.pages.filter(published),
        organisationContacts: settings.organisationContacts,
        unconfirmed: unconfirmedValues(settings.countries, settings.organisationContacts),
      },
      bodies,
      issues,
    };
  };

  /** Puts `file` into a sorted list, or takes it out; the list stays in the order `listFiles` gives. */
  const place = (list: string[], file: string, present: boolean) => {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle]! < file) low = middle + 1;
      else high = middle;
    }
    const found = list[low] === file;
    if (present && !found) list.splice(low, 0, file);
    if (!present && found) list.splice(low, 1);
  };

  /** A file that is not content: editors' temporary and backup files, hidden files. */
  const ignored = (file: string) => {
    const name = path.basename(file);
    return name.startsWith('.') || name.endsWith('~') || name.endsWith('.tmp');
  };

  let state = await readAll();
  let current = assemble(state);
  return {
    get read() {
      return current;
    },
    async update(changedPaths) {
      // A folder that appeared (moved in, or a pull) stands for the files in it; one that went, for what was read in it.
      const changed: string[] = [];
      for (const changedPath of changedPaths) {
        const stat = statSync(changedPath, { throwIfNoEntry: false });
        if (stat?.isDirectory()) {
          changed.push(...(await listFiles(changedPath, { paths: 'absolute' })));
          continue;
        }
        // Only a path that is gone may have been a folder: an existing file stands for itself.
        const inside = stat ? [] : [...state.results.keys()].filter((file) => file.startsWith(changedPath + path.sep));
        changed.push(...(inside.length ? inside : [changedPath]));
      }
      const mdx = new Set<string>();
      for (const file of changed) {
        if (ignored(file)) continue;
        const kind = kindOf(file);
        if (kind) {
          mdx.add(file);
          continue;
        }
        const folder = path.dirname(file);
        if (folder.startsWith(releasesDir + path.sep) && path.relative(releasesDir, folder).split(path.sep).length === 2 && !/\.(mdx?|markdown)$/.test(file)) {
          // A photo beside a release: its files may show it, so they are checked again.
          for (const sibling of state.files.release) if (path.dirname(sibling) === folder) mdx.add(sibling);
          continue;
        }
        // UI strings, countries, themes, media and anything unexpected: everything may depend on them.
        state = await readAll();
        current = assemble(state);
        return current;
      }
      if (mdx.size === 0) return current;
      const present = [...mdx].filter((file) => existsSync(file));
      const prepared = await prepareInProcess(
        present.map((file) => ({ file: display(file), path: file, lang: path.basename(file, '.mdx') })),
        { render: state.settings.render },
      );
      for (const file of mdx) {
        const index = present.indexOf(file);
        const kind = kindOf(file)!;
        place(state.files[kind], file, index >= 0);
        if (index >= 0) state.results.set(file, fileResult(kind, file, prepared[index]!));
        else state.results.delete(file);
      }
      current = assemble(state);
      return current;
    },
  };
}
