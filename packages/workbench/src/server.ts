import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { countryName, formatContentIssue, isLocale, markTranslationUpdated, placeholderMismatch, type ContentIssue, type Locale } from '@iom/content-model';
import { readSiteContent } from '@iom/content-model/node';
import { prepareFile } from '@iom/content-model/prepare';
import { writeFileAtomic } from '@iom/files';
import { changeSizes } from './change-size.ts';
import { clientAssets } from './client-assets.ts';
import type { EditorData } from './client/editor-page.ts';
import { commitOneFile, gitTopLevel } from './git-commit.ts';
import { previewDataOf } from './preview-data.ts';
import { mediaRoute, previewImageFile, releaseMediaRoute } from './preview-images.ts';
import { formatString, stringsFor, type InterfaceStrings } from './interface-strings.ts';
import { liveIndex } from './live-index.ts';
import { pageQueue, translatablePage, type PageIndex } from './page-index.ts';
import { queuePage, translatableRelease, type ReleaseIndex } from './release-index.ts';
import { currentSourceFingerprint, gitSourceHistory, readEditorFiles, versionOf, type EditorFiles, type SourceHistory, type TranslatableEntry } from './release-files.ts';
import { isSessionToken, newSessionToken, refusal, tokenHeader, type ServerAddress } from './request-guard.ts';
import { alignSections } from './section-alignment.ts';
import { isClearedText, isUiStringLanguage, readUiStringsFile, updateUiStringsFile } from './ui-strings-file.ts';
import { prepareForStatus } from './status-preparer.ts';
import { composeTranslation, draftProblems, fieldNames, pageFieldNames, type DraftFields, type DraftPlace, type FieldName } from './translation-draft.ts';
import { renderAlignment, renderEditor, renderState } from './views/editor-view.ts';
import { renderPage, say } from './views/html.ts';
import { problemStringKeys, renderProblems } from './views/problems-view.ts';
import { renderQueue, type QueueChoices } from './views/queue-view.ts';
import { renderStringsConflict, renderStringsEditor, renderStringsUnreadable, type UiStringConflict } from './views/strings-view.ts';

/** How to start a workbench. */
export interface WorkbenchOptions {
  /** The content folder: releases/, countries/, i18n/… (`content/`, or `SITE_CONTENT_DIR`). */
  contentDir: string;
  /** Loopback unless a field office's network is served on purpose. */
  host?: string | undefined;
  /** 4322 by default; 0 picks a free port (tests). */
  port?: number | undefined;
  /** The session token; a new random one by default. */
  token?: string | undefined;
  /**
   * How long a queue page may spend counting how much its entries changed before it answers, in milliseconds (250
   * by default); what is not counted by then says so, and is counted in the background for the next request.
   */
  countingBudgetMs?: number | undefined;
}

/** A running workbench. */
export interface Workbench {
  /** The address to open, with the session token in it. */
  url: string;
  /** The address without the token. */
  origin: string;
  token: string;
  /** The releases, read at start and kept in step with the disk. */
  index: ReleaseIndex;
  /** The section pages, read at start and kept in step with the disk. */
  pages: PageIndex;
  close: () => Promise<void>;
}

/**
 * Same-origin script, style, images and requests only. The editor page also allows the one <style> element CodeMirror
 * writes (its themes are made at run time), by a nonce new on every response.
 */
function contentSecurityPolicy(styleNonce?: string): string {
  const style = styleNonce ? `'self' 'nonce-${styleNonce}'` : "'self'";
  return `default-src 'none'; script-src 'self'; style-src ${style}; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
}

/** Nothing from another origin, no framing, no referrer: the pages ask only their own server. */
const securityHeaders = {
  'content-security-policy': contentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** A request the workbench cannot do, with the HTTP status and a message for the translator. */
class RequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The largest request body accepted: a release is tens of kilobytes. */
const maxBodyBytes = 4 * 1024 * 1024;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) throw new RequestError(415, 'Send JSON.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new RequestError(413, 'The request is too large.');
    chunks.push(chunk);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new RequestError(400, 'The request is not a JSON object.');
}

/**
 * The fields a request sends. The body is required; a field the editor does not show (no image in the source) is
 * left out and keeps its value from `current`; only `names` are read (a section page's are its title and summary).
 */
function fieldsOf(value: unknown, current: DraftFields | undefined, names: readonly FieldName[]): DraftFields {
  const fields = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  if (typeof fields.body !== 'string') throw new RequestError(400, 'The field "body" is missing.');
  const merged: DraftFields = { ...(current ?? { title: '', summary: '', datelinePlace: '', imageAlt: '', imageCaption: '' }), body: fields.body };
  for (const name of names) {
    const given = fields[name];
    if (given !== undefined && typeof given !== 'string') throw new RequestError(400, `The field "${name}" is not text.`);
    if (given !== undefined) merged[name] = given;
  }
  return merged;
}

const cookiesOf = (request: IncomingMessage) => new Map((request.headers.cookie ?? '').split(';').map((part) => part.trim().split('=') as [string, string]).filter(([name, value]) => name && value !== undefined));

/**
 * Starts the workbench: reads the content (as `pnpm check:content` does, without checking the bodies), then serves
 * the queue and the editor, re-reading the folders that change on disk (see `liveIndex`).
 * Writes only `content/releases/<year>/<folder>/<lang>.mdx` of releases in its index and `content/pages/<key>/<lang>.mdx`
 * of section pages in its index, in languages other than the source's, atomically; refuses requests naming another host
 * or coming from another origin, and API requests without the session token.
 */
export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const contentDir = path.resolve(options.contentDir);
  const displayRoot = path.dirname(contentDir);
  const releasesDir = path.join(contentDir, 'releases') + path.sep;
  const pagesDir = path.join(contentDir, 'pages') + path.sep;
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newSessionToken();
  // States only: the bodies are checked one at a time, when the editor opens them.
  const { content } = await readSiteContent({ contentDir, displayRoot, prepare: prepareForStatus });
  // Kept in step with the disk: a git pull, a new release or a deleted translation shows without a restart.
  const live = liveIndex({ contentDir, displayRoot, releases: content.releases, pages: content.pages, known: { countries: new Set(content.countries.map((country) => country.code)), themes: new Set(content.themes) } });
  const { releases: index, pages } = live;
  // A git checkout gives the history that marks what changed in a source, and the Commit button.
  const gitRoot = gitTopLevel(contentDir);
  const history: SourceHistory = gitSourceHistory(gitRoot ?? contentDir);
  const sizes = changeSizes(displayRoot, history);
  const assets = await clientAssets();
  const address: ServerAddress = { host, port: options.port ?? 4322 };
  const tokenCookie = () => `workbench-token-${address.port}`;
  /** The countries and themes to narrow the queue to, named in the interface language; an unknown choice is ignored. */
  let countriesOf = { version: -1, codes: [] as string[] };
  const queueChoices = (ui: Locale, country: string | null, theme: string | null): QueueChoices => {
    if (countriesOf.version !== live.version()) countriesOf = { version: live.version(), codes: [...new Set(index.entries.flatMap((entry) => entry.source.countries))] };
    const releaseCountries = countriesOf.codes;
    return {
      countries: releaseCountries.map((code) => ({ code, name: countryName(code, ui, content.officialNames) })).sort((a, b) => a.name.localeCompare(b.name, ui)),
      themes: content.themes.map((id) => ({ id, name: content.strings[ui][`themes.${id}`] ?? id })).sort((a, b) => a.name.localeCompare(b.name, ui)),
      filter: { country: country && releaseCountries.includes(country) ? country : undefined, theme: theme && content.themes.includes(theme) ? theme : undefined },
    };
  };

  const send = (response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { ...securityHeaders, 'content-type': type, ...headers });
    response.end(body);
  };
  const sendJson = (response: ServerResponse, status: number, value: unknown) => send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));

  const uiOf = (request: IncomingMessage, url: URL): Locale => {
    const asked = url.searchParams.get('ui') ?? cookiesOf(request).get('workbench-ui');
    return isLocale(asked) ? asked : 'en';
  };

  /** How messages and commits name an entry, as `pnpm i18n:new` takes it: `2016/<folder>`, `pages/<key>`. */
  const nameOf = (entry: TranslatableEntry) => (entry.kind === 'page' ? `pages/${entry.id}` : entry.id);
  const fieldNamesOf = (entry: TranslatableEntry) => (entry.kind === 'page' ? pageFieldNames : fieldNames);

  const editorFiles = (entry: TranslatableEntry, lang: Locale): EditorFiles => {
    const files = readEditorFiles(entry, lang, displayRoot, history);
    if (!files) throw new RequestError(409, `The source of ${nameOf(entry)} cannot be read; run pnpm check:content.`);
    return files;
  };

  /** Where a translation file is, for its messages and its validation. */
  const placeOf = (entry: TranslatableEntry, lang: Locale): DraftPlace => {
    const file = path.relative(displayRoot, path.join(entry.folder, `${lang}.mdx`)).split(path.sep).join('/');
    return entry.kind === 'page' ? { kind: 'page', file, key: entry.id, lang } : { kind: 'release', file, year: path.basename(path.dirname(entry.folder)), key: path.basename(entry.folder), lang };
  };

  const draftView = (strings: InterfaceStrings, entry: TranslatableEntry, lang: Locale, files: EditorFiles, text: string, body: string) => {
    // prepareFile, as the build and pnpm check:content run it: the server's check is the authority on Save.
    const problems = draftProblems(placeOf(entry, lang), text, prepareFile);
    return {
      problemCount: problems.length,
      problemsHtml: renderProblems(strings, text, problems),
      alignmentHtml: renderAlignment(strings, entry.source.sourceLang, lang, alignSections(files.sourceFields.body, body, files.translatedSourceBody)),
    };
  };

  /** What a request names: `page` (a section page's key) or `release` (`<year>/<folder>`), looked up in the indexes. */
  const target = (body: Record<string, unknown>): { entry: TranslatableEntry; lang: Locale; file: string } => {
    if (body.page !== undefined && body.release !== undefined) throw new RequestError(400, 'Name a release or a page, not both.');
    const found = body.page !== undefined ? translatablePage(pages, body.page, body.lang) : translatableRelease(index, body.release, body.lang);
    // The file is built from the index's folder and a language code only; this is a second guard, not the first.
    const within = found?.entry.kind === 'page' ? pagesDir : releasesDir;
    if (!found || !path.resolve(found.file).startsWith(within)) throw new RequestError(404, body.page !== undefined ? 'There is no such section page to translate into this language.' : 'There is no such release to translate into this language.');
    return found;
  };

  /** The site's UI strings in English and in `lang` as on disk; a file that cannot be read names its line and the fix. */
  const uiStringFiles = (lang: Locale): { english: Record<string, string>; own: { text: string | undefined; values: Record<string, string> } } | { issue: ContentIssue } => {
    const shown = (name: string) => path.relative(displayRoot, path.join(contentDir, 'i18n', name)).split(path.sep).join('/');
    const english = readUiStringsFile(path.join(contentDir, 'i18n', 'en.yaml'), shown('en.yaml'), true);
    if ('issue' in english) return english;
    // Built from a language of `uiStringLanguages`, never from a request's text.
    const own = readUiStringsFile(path.join(contentDir, 'i18n', `${lang}.yaml`), shown(`${lang}.yaml`));
    return 'issue' in own ? own : { english: english.values, own };
  };

  /** Commits one file the workbench writes, with a subject for a file git tracks already and one for a new file. */
  const commitFile = (response: ServerResponse, strings: InterfaceStrings, file: string, subjects: { update: string; create: string }) => {
    if (!gitRoot) throw new RequestError(404, 'The content folder is not in a git checkout.');
    const tracked = spawnSync('git', ['ls-files', '--error-unmatch', '--', path.relative(gitRoot, file)], { cwd: gitRoot }).status === 0;
    const result = commitOneFile(gitRoot, file, tracked ? subjects.update : subjects.create);
    if (result.committed) return sendJson(response, 200, { message: formatString(strings.committed, { subject: result.subject }) });
    if (result.reason === 'unchanged') return sendJson(response, 409, { error: strings.nothingToCommit });
    throw new RequestError(500, result.detail);
  };

  /**
   * Saves edited UI strings of one language into `content/i18n/<lang>.yaml`. The file is named by a language of
   * `uiStringLanguages` only, never by the request; every key must be a key of en.yaml. A value whose `{names}` differ
   * from English's is refused, not saved with a warning: `t()` would show it to readers as written, and the build
   * does not stop it. An empty value removes the key (the site then shows English).
   *
   * When the file changed on disk since the page read it (`version`), the keys sent are compared with the file now
   * and with the texts the page had (`base`): a key the file changed too, to another text, is a conflict, and nothing
   * is written (409, with both texts). Without conflicts the keys are written into the file as it is now, its other
   * changes kept. The answer has the file's texts after the write, for the page to show.
   */
  const saveUiStrings = async (response: ServerResponse, body: Record<string, unknown>, strings: InterfaceStrings) => {
    if (!isUiStringLanguage(body.lang)) throw new RequestError(404, 'There are no interface texts to translate into this language.');
    const lang = body.lang;
    const given = body.values;
    if (!given || typeof given !== 'object' || Array.isArray(given)) throw new RequestError(400, 'The field "values" is missing.');
    const base = body.base && typeof body.base === 'object' && !Array.isArray(body.base) ? (body.base as Record<string, unknown>) : {};
    const files = uiStringFiles(lang);
    if ('issue' in files) throw new RequestError(422, formatContentIssue(files.issue));
    const { english, own } = files;
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(given as Record<string, unknown>)) {
      if (!Object.hasOwn(english, key)) throw new RequestError(400, `"${key}" is not a key of content/i18n/en.yaml.`);
      if (typeof value !== 'string') throw new RequestError(400, `The text of "${key}" is not text.`);
      values[key] = isClearedText(value) ? '' : value;
    }
    const problems = Object.entries(values).filter(([, value]) => value !== '').map(([key, value]) => ({ key, ...placeholderMismatch(english[key]!, value) })).filter((problem) => problem.missing.length > 0 || problem.extra.length > 0);
    if (problems.length > 0) return sendJson(response, 422, { error: 'Some placeholders differ from English; nothing was saved.', problems });
    const file = path.join(contentDir, 'i18n', `${lang}.yaml`);
    const changedOnDisk = versionOf(own.text) !== body.version;
    if (changedOnDisk) {
      const conflicts: UiStringConflict[] = Object.entries(values)
        .filter(([key, mine]) => {
          const now = own.values[key] ?? '';
          const before = base[key];
          return now !== mine && (typeof before !== 'string' || now !== before);
        })
        .map(([key, mine]) => ({ key, disk: own.values[key], mine }));
      if (conflicts.length > 0) return sendJson(response, 409, { diskVersion: versionOf(own.text), conflicts, conflictHtml: renderStringsConflict(strings, lang, conflicts) });
    }
    let text: string;
    try {
      text = updateUiStringsFile(own.text ?? '', english, values);
    } catch (error) {
      throw new RequestError(422, (error as Error).message);
    }
    await writeFileAtomic(file, text);
    const written = uiStringFiles(lang);
    return sendJson(response, 200, { version: versionOf(text), values: 'issue' in written ? {} : written.own.values, merged: changedOnDisk });
  };

  /** Commits `content/i18n/<lang>.yaml`, that file only. */
  const commitUiStrings = (response: ServerResponse, body: Record<string, unknown>, strings: InterfaceStrings) => {
    if (!isUiStringLanguage(body.lang)) throw new RequestError(404, 'There are no interface texts to translate into this language.');
    const file = path.join(contentDir, 'i18n', `${body.lang}.yaml`);
    if (!existsSync(file)) throw new RequestError(409, 'Save the texts before committing them.');
    return commitFile(response, strings, file, { update: `Update the ${body.lang} interface texts of the site`, create: `Translate the interface texts of the site into ${body.lang}` });
  };

  const api = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (request.method !== 'POST') throw new RequestError(405, 'Use POST.');
    if (!isSessionToken(request.headers[tokenHeader], token)) throw new RequestError(403, 'This request does not carry the session token.');
    const strings = stringsFor(uiOf(request, url));
    const body = await readJson(request);
    if (url.pathname === '/api/strings/save') return saveUiStrings(response, body, strings);
    if (url.pathname === '/api/strings/commit') return commitUiStrings(response, body, strings);
    await live.refresh();
    const { entry, lang, file } = target(body);
    const files = editorFiles(entry, lang);
    if (url.pathname === '/api/check') {
      const fields = fieldsOf(body.fields, files.draftFields, fieldNamesOf(entry));
      const text = composeTranslation(files.draftText, fields, fieldNamesOf(entry)) ?? fields.body;
      return sendJson(response, 200, draftView(strings, entry, lang, files, text, fields.body));
    }
    if (url.pathname === '/api/commit') {
      if (!gitRoot) throw new RequestError(404, 'The content folder is not in a git checkout.');
      if (!existsSync(file)) throw new RequestError(409, 'Save the translation before committing it.');
      return commitFile(response, strings, file, { update: `Update the ${lang} translation of ${nameOf(entry)}`, create: `Translate ${nameOf(entry)} into ${lang}` });
    }
    if (url.pathname !== '/api/save' && url.pathname !== '/api/mark') throw new RequestError(404, 'No such request.');
    const onDisk = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    let text: string;
    if (url.pathname === '/api/save') {
      const fields = fieldsOf(body.fields, files.draftFields, fieldNamesOf(entry));
      text = composeTranslation(files.draftText, fields, fieldNamesOf(entry)) ?? fields.body;
      if (versionOf(onDisk) !== body.version) return sendJson(response, 409, { disk: onDisk ?? '', mine: text, diskVersion: versionOf(onDisk) });
    } else {
      if (onDisk === undefined) throw new RequestError(409, 'Save the translation before marking it up to date.');
      if (versionOf(onDisk) !== body.version) return sendJson(response, 409, { disk: onDisk, mine: onDisk, diskVersion: versionOf(onDisk) });
      const fingerprint = currentSourceFingerprint(entry, displayRoot);
      if (!fingerprint) throw new RequestError(409, `The source of ${nameOf(entry)} cannot be read; run pnpm check:content.`);
      try {
        // What `pnpm i18n:done` writes: only the hash line of translationOf changes.
        text = markTranslationUpdated(onDisk, fingerprint);
      } catch (error) {
        throw new RequestError(422, (error as Error).message);
      }
    }
    await writeFileAtomic(file, text);
    const after = editorFiles(entry, lang);
    entry.states[lang] = after.state;
    live.invalidate(entry.folder);
    return sendJson(response, 200, { version: after.version, text, state: after.state, stateHtml: renderState(strings, after.state, after.translatedSourceBody !== undefined), ...draftView(strings, entry, lang, after, text, after.draftFields?.body ?? text) });
  };

  const page = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new RequestError(405, 'Use GET.');
    const given = url.searchParams.get('token');
    if (given !== null && isSessionToken(given, token)) {
      // The token leaves the address bar (and the history) for a cookie only this server's pages carry.
      url.searchParams.delete('token');
      return send(response, 303, 'text/plain; charset=utf-8', '', { location: url.pathname + url.search, 'set-cookie': `${tokenCookie()}=${token}; HttpOnly; SameSite=Strict; Path=/` });
    }
    const ui = uiOf(request, url);
    const strings = stringsFor(ui);
    const headers: Record<string, string> = url.searchParams.has('ui') ? { 'set-cookie': `workbench-ui=${ui}; SameSite=Strict; Path=/` } : {};
    const html = (status: number, title: string, main: string, data?: unknown, editor?: { styleNonce: string }) =>
      send(response, status, 'text/html; charset=utf-8', renderPage({ ui, strings, title, token, here: url.pathname + url.search, main, data, script: editor ? 'editor' : 'workbench' }), editor ? { ...headers, 'content-security-policy': contentSecurityPolicy(editor.styleNonce) } : headers);
    if (!isSessionToken(cookiesOf(request).get(tokenCookie()), token)) {
      return send(response, 401, 'text/html; charset=utf-8', renderPage({ ui, strings, title: strings.appName, token: '', here: url.pathname, main: `<h1>${say(strings, 'appName')}</h1><p>${say(strings, 'noToken')}</p>` }), headers);
    }
    // What changed on disk since the last request (a git pull, another editor) is read before anything is shown.
    await live.refresh({ sweep: url.pathname === '/' });
    if (url.pathname === '/') {
      const asked = url.searchParams.get('lang');
      const lang: Locale = isLocale(asked) ? asked : ui === 'en' ? 'fr' : ui;
      const choices = queueChoices(ui, url.searchParams.get('country'), url.searchParams.get('theme'));
      const releases = queuePage(index, lang, Number(url.searchParams.get('page') ?? 1), 50, choices.filter);
      // Section pages are about no country or theme, and are a handful: listed above the first page of releases,
      // unless the queue is narrowed to a country or a theme.
      const pageGroup = releases.page === 1 && !choices.filter.country && !choices.filter.theme ? pageQueue(pages, lang) : undefined;
      // How much work each entry is: for the entries shown only, so a queue of any length answers at once.
      const shown = [...(pageGroup?.items ?? []), ...releases.items];
      const counted = sizes.sizesOf(shown.map((item) => ({ entry: item.entry, lang, state: item.state })), options.countingBudgetMs ?? 250);
      shown.forEach((item, at) => (item.size = counted[at]));
      return html(200, strings.queueTitle, renderQueue(strings, ui, lang, releases, choices, pageGroup));
    }
    if (url.pathname === '/strings') {
      const lang = url.searchParams.get('lang');
      if (!isUiStringLanguage(lang)) return html(404, strings.appName, `<h1>${say(strings, 'appName')}</h1><p>${say(strings, 'notFound')}</p><p><a href="/">${say(strings, 'backToQueue')}</a></p>`);
      const files = uiStringFiles(lang);
      if ('issue' in files) return html(422, strings.stringsTitle, renderStringsUnreadable(strings, lang, files.issue));
      // An empty text in the file is listed as missing: the site would show an empty label.
      const rows = Object.entries(files.english).map(([key, text]) => ({ key, english: text, translation: files.own.values[key] || undefined }));
      const messages = { saved: strings.stringsSaved, refused: strings.stringsRefused, conflict: strings.stringsConflict, requestFailed: strings.requestFailed, placeholderMissing: strings.placeholderMissing, placeholderExtra: strings.placeholderExtra };
      return html(200, strings.stringsTitle, renderStringsEditor(strings, lang, rows, { canCommit: gitRoot !== undefined }), { stringsLang: lang, version: versionOf(files.own.text), messages });
    }
    if (url.pathname === '/edit') {
      const asksPage = url.searchParams.has('page');
      const lookUp = (): { entry: TranslatableEntry; lang: Locale } | undefined => (asksPage ? translatablePage(pages, url.searchParams.get('page'), url.searchParams.get('lang')) : translatableRelease(index, url.searchParams.get('release'), url.searchParams.get('lang')));
      const known = lookUp();
      // The entry's own folder is read again even when nothing was seen changing there: the editor shows it as on disk.
      if (known) {
        live.invalidate(known.entry.folder);
        await live.refresh();
      }
      const found = known && lookUp();
      if (!found) return html(404, strings.appName, `<h1>${say(strings, 'appName')}</h1><p>${say(strings, asksPage ? 'pageNotFound' : 'notFound')}</p><p><a href="/">${say(strings, 'backToQueue')}</a></p>`);
      const { entry, lang } = found;
      const files = editorFiles(entry, lang);
      const draftFields = files.draftFields ?? { title: '', summary: '', datelinePlace: '', imageAlt: '', imageCaption: '', body: files.draftText };
      const view = draftView(strings, entry, lang, files, files.draftText, draftFields.body);
      const parent = entry.kind === 'page' && entry.source.menu.parent ? pages.byId.get(entry.source.menu.parent) : undefined;
      const main = renderEditor(strings, { entry, lang, state: files.state, historyKnown: files.translatedSourceBody !== undefined, canCommit: gitRoot !== undefined, sourceFields: files.sourceFields, draftFields, alignmentHtml: view.alignmentHtml, problemsHtml: view.problemsHtml, parentTitle: parent?.source.title });
      const messages = { saved: strings.saved, savedWithProblems: strings.savedWithProblems, markedUpToDate: strings.markedUpToDate, saveFirst: strings.saveFirst, requestFailed: strings.requestFailed };
      // How the page's script names what it edits in its requests: the same field the index is asked with.
      const subject = entry.kind === 'page' ? { page: entry.id } : { release: entry.id };
      const styleNonce = randomBytes(18).toString('base64');
      const data: EditorData = {
        subject,
        lang,
        version: files.version,
        place: placeOf(entry, lang),
        base: files.draftText,
        styleNonce,
        problemStrings: Object.fromEntries(problemStringKeys.map((key) => [key, strings[key]])) as EditorData['problemStrings'],
        phrases: { Diagnostics: strings.problemsHeading, 'No diagnostics': strings.noProblems, close: strings.close, 'Selection deleted': strings.selectionDeleted, 'Control character': strings.controlCharacter },
        messages,
        preview: previewDataOf(entry, lang, content.strings[lang], strings, ui),
      };
      return html(200, `${entry.source.title}`, main, data, { styleNonce });
    }
    return html(404, strings.appName, `<h1>${say(strings, 'appName')}</h1><p>${say(strings, 'notFound')}</p>`);
  };

  /**
   * An image the preview shows, for the session's pages only (the cookie), and only one `previewImageFile` found:
   * an image of content/media/ or beside a release the workbench read. Anything else is a 404, however it is named.
   */
  const previewImage = (request: IncomingMessage, response: ServerResponse, image: { file: string; type: string } | undefined) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Use GET.');
    if (!isSessionToken(cookiesOf(request).get(tokenCookie()), token)) return send(response, 401, 'text/plain; charset=utf-8', 'Open the address pnpm translate printed first.');
    if (!image) return send(response, 404, 'text/plain; charset=utf-8', 'No such image.');
    response.writeHead(200, { ...securityHeaders, 'content-type': image.type });
    response.end(request.method === 'HEAD' ? undefined : readFileSync(image.file));
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://workbench.invalid');
    const refused = refusal(request, address);
    if (refused) return send(response, 403, 'text/plain; charset=utf-8', refused);
    const asset = assets[url.pathname];
    if (asset && request.method === 'GET') return send(response, 200, asset.type, asset.body);
    // Browsers ask for an icon; there is none, and a 404 would be logged as an error in the page's console.
    if (url.pathname === '/favicon.ico') return send(response, 204, 'text/plain', '');
    const image = previewImageFile(contentDir, index.byId, url.pathname);
    if (image || url.pathname.startsWith(mediaRoute) || url.pathname.startsWith(releaseMediaRoute)) return previewImage(request, response, image);
    const handler = url.pathname.startsWith('/api/') ? api(request, response, url) : page(request, response, url);
    handler.catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof RequestError) return url.pathname.startsWith('/api/') ? sendJson(response, error.status, { error: error.message }) : send(response, error.status, 'text/plain; charset=utf-8', error.message);
      console.error(error);
      sendJson(response, 500, { error: 'The workbench failed; see the terminal where pnpm translate runs.' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, host, resolve);
  });
  address.port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${shownHost}:${address.port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    index,
    pages,
    close: () => new Promise<void>((resolve) => {
      live.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
