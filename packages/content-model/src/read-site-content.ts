import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import type { ContentIssue } from './content-issue.ts';
import { validateCountries, type CountryFileInput, type CountryRecord } from './countries.ts';
import { linkCountryOverviews, type CountryOverview, type CountryOverviewInput } from './country-overviews.ts';
import type { OfficialNames } from './country-names.ts';
import { localeCodes, type Locale } from './locales.ts';
import { checkSafeMdx, decodeContentSource, parseContentFile } from './mdx/index.ts';
import { linkReleases, validateReleaseFile, type ReleasePage, type ValidatedReleaseFile } from './releases.ts';
import { resolveUiStrings, type MissingString, type UiStrings } from './ui-strings.ts';
import { parseYamlFile } from './yaml-file.ts';
import { mediaPrefix, mediaReferences } from './media-references.ts';
import { existsSync } from 'node:fs';

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
}

export interface ReadSiteContentOptions {
  /** Folder holding releases/, countries/, i18n/ and themes.yaml. */
  contentDir: string;
  /** Folder that file paths in messages are relative to (the repository root). */
  displayRoot: string;
  /** Renders a checked body tree to HTML for one page; when absent, `html` stays empty (content checks only). */
  renderBody?: (tree: Root, lang: Locale, strings: UiStrings) => string;
}

/** A release page with its rendered body. */
export type RenderedReleasePage = ReleasePage & { html: string };

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Reads, checks and links all content under `contentDir`. Never throws for content problems: every problem of every
 * file is returned in `issues`, so one run lists them all.
 */
export async function readSiteContent(options: ReadSiteContentOptions): Promise<{ content: SiteContent; releases: RenderedReleasePage[]; overviews: (CountryOverview & { html: string })[]; issues: ContentIssue[] }> {
  const { contentDir, displayRoot } = options;
  const display = (file: string) => path.relative(displayRoot, file).split(path.sep).join('/');
  const issues: ContentIssue[] = [];

  const readText = async (file: string): Promise<string | undefined> => {
    const decoded = decodeContentSource(display(file), await readFile(file));
    if ('issue' in decoded) {
      issues.push(decoded.issue);
      return undefined;
    }
    return decoded.text;
  };
  /** Decodes, parses and checks one MDX file (safe MDX, media it names); undefined when it cannot be used. */
  const readMdx = async (file: string) => {
    const shown = display(file);
    const text = await readText(file);
    if (text === undefined) return undefined;
    const parsed = parseContentFile(shown, text);
    issues.push(...parsed.issues);
    if (parsed.issues.length) return undefined;
    const safety = checkSafeMdx(shown, parsed.tree);
    issues.push(...safety);
    for (const reference of mediaReferences(parsed.tree)) {
      const inMedia = path.resolve(contentDir, 'media', reference.path);
      if (!inMedia.startsWith(path.join(contentDir, 'media') + path.sep) || !existsSync(inMedia)) {
        issues.push({
          file: shown,
          line: reference.line,
          column: reference.column,
          field: 'media',
          message: `The file ${mediaPrefix}${reference.path} is not in ${display(path.join(contentDir, 'media'))}/.`,
          fix: `Add the file to ${display(path.join(contentDir, 'media', reference.path))}, or correct the path (it is case-sensitive).`,
        });
      }
    }
    return { shown, parsed, safe: safety.length === 0 };
  };
  const readYaml = async (file: string) => {
    const text = await readText(file);
    if (text === undefined) return undefined;
    const parsed = parseYamlFile(display(file), text);
    issues.push(...parsed.issues);
    return parsed.issues.length ? undefined : parsed;
  };

  // UI strings
  const byLocale: Partial<Record<Locale, UiStrings>> = {};
  for (const lang of localeCodes) {
    const file = path.join(contentDir, 'i18n', `${lang}.yaml`);
    const parsed = await readYaml(file).catch(() => undefined);
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
  const themesFile = path.join(contentDir, 'themes.yaml');
  const themesParsed = await readYaml(themesFile).catch(() => undefined);
  const themes = Array.isArray(themesParsed?.data) ? (themesParsed.data as unknown[]).map(String) : [];
  const namesParsed = await readYaml(path.join(contentDir, 'countries', 'official-names.yaml')).catch(() => undefined);
  const officialNames = (namesParsed?.data ?? {}) as OfficialNames;

  // Countries
  const countryInputs: CountryFileInput[] = [];
  for (const file of await listFiles(path.join(contentDir, 'countries'))) {
    if (path.basename(file) !== 'country.yaml') continue;
    const parsed = await readYaml(file);
    if (!parsed) continue;
    countryInputs.push({ file: display(file), folder: path.basename(path.dirname(file)), data: parsed.data, fieldPosition: parsed.fieldPosition });
  }
  const countryResult = validateCountries(countryInputs);
  issues.push(...countryResult.issues);
  const overviewInputs: CountryOverviewInput[] = [];
  const overviewTrees = new Map<string, Root>();
  for (const file of await listFiles(path.join(contentDir, 'countries'))) {
    if (!file.endsWith('.mdx')) continue;
    const mdx = await readMdx(file);
    if (!mdx?.safe) continue;
    const code = path.basename(path.dirname(file)).toUpperCase();
    const lang = path.basename(file, '.mdx');
    overviewInputs.push({ file: mdx.shown, code, lang, frontmatter: mdx.parsed.frontmatter, fieldPosition: mdx.parsed.fieldLines, body: mdx.parsed.body });
    overviewTrees.set(`${code}/${lang}`, mdx.parsed.tree);
  }
  const overviewResult = linkCountryOverviews(overviewInputs, new Set(countryResult.countries.map((country) => country.code)));
  issues.push(...overviewResult.issues);

  // Releases: content/releases/<year>/<key>/<lang>.mdx
  const validated: ValidatedReleaseFile[] = [];
  const trees = new Map<string, Root>();
  const releasesDir = path.join(contentDir, 'releases');
  for (const file of await listFiles(releasesDir)) {
    const relative = path.relative(releasesDir, file).split(path.sep);
    const shown = display(file);
    if (!file.endsWith('.mdx') || relative.length !== 3) {
      if (!path.basename(file).startsWith('.') && /\.(mdx?|markdown)$/.test(file)) {
        issues.push({ file: shown, message: 'This file is not where release files go.', fix: 'Put release files at content/releases/<year>/<release-folder>/<language>.mdx, for example content/releases/2016/my-release/en.mdx.' });
      }
      continue;
    }
    const [year, key, name] = relative as [string, string, string];
    const mdx = await readMdx(file);
    if (!mdx) continue;
    const { parsed, safe } = mdx;
    const result = validateReleaseFile({ file: shown, key, year, lang: name.replace(/\.mdx$/, ''), frontmatter: parsed.frontmatter, fieldPosition: parsed.fieldLines, body: parsed.body });
    issues.push(...result.issues);
    if (result.file && safe) {
      // Attachments in the frontmatter may point into content/media/ too.
      if (result.file.kind === 'source') {
        result.file.data.attachments.forEach((attachment, index) => {
          if (attachment.href.startsWith(mediaPrefix) && !existsSync(path.join(contentDir, 'media', decodeURI(attachment.href.slice(mediaPrefix.length))))) {
            issues.push({ file: shown, ...parsed.fieldLines(`attachments.${index}.href`), field: `attachments.${index}.href`, message: `The file ${attachment.href} is not in content/media/.`, fix: 'Add the file to content/media/, or correct the path.' });
          }
        });
      }
      if (result.file.kind === 'source' && result.file.data.date.slice(0, 4) !== year) {
        issues.push({ file: shown, ...parsed.fieldLines('date'), field: 'date', message: `The date ${result.file.data.date} is not in the year of the folder (${year}).`, fix: `Move the release folder to content/releases/${result.file.data.date.slice(0, 4)}/, or correct the date.` });
      }
      validated.push(result.file);
      trees.set(`${key}/${result.file.lang}`, parsed.tree);
    }
  }
  const linked = linkReleases(validated, { countries: new Set(countryResult.countries.map((c) => c.code)), themes: new Set(themes) });
  issues.push(...linked.issues);
  const releases = linked.pages.map((page) => ({ ...page, html: options.renderBody ? options.renderBody(trees.get(page.id)!, page.lang, strings[page.lang]) : '' }));
  const overviews = overviewResult.overviews.map((overview) => ({
    ...overview,
    html: options.renderBody ? options.renderBody(overviewTrees.get(`${overview.code}/${overview.lang}`)!, overview.lang, strings[overview.lang]) : '',
  }));

  return {
    content: { releases: linked.pages, countries: countryResult.countries, themes, strings, officialNames, missingStrings: missing, overviews: overviewResult.overviews },
    releases,
    overviews,
    issues,
  };
}
