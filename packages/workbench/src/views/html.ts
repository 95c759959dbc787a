import { localeCodes, locales, type Locale } from '@iom/content-model';
import { escapeHtml, say } from './html-text.ts';
import type { InterfaceStrings } from '../interface-strings.ts';

export { escapeHtml, say } from './html-text.ts';

/** `lang` and `dir` attributes for text in a language of the site. */
export const langAttributes = (lang: Locale) => `lang="${locales[lang].lang}" dir="${locales[lang].dir}"`;

/** What every page of the workbench is wrapped in. */
export interface PageShell {
  ui: Locale;
  strings: InterfaceStrings;
  title: string;
  /** The session's token, for the page's script to send with its requests (the page itself is same-origin only). */
  token: string;
  /** The address of this page, to come back to after changing the interface language. */
  here: string;
  main: string;
  /** JSON the page's script reads (never executed: `type="application/json"`). */
  data?: unknown;
  /** The page's script: the editor has its own (CodeMirror and the checker), the other pages share the small one. */
  script?: 'workbench' | 'editor';
}

/**
 * The page around a view: `<html lang dir>` from the interface language, a skip link, the interface language choice
 * (a form that works without script), and the view in `<main>`. Only same-origin CSS and script.
 */
export function renderPage(shell: PageShell): string {
  const { ui, strings } = shell;
  const options = localeCodes.map((code) => `<option value="${code}" ${langAttributes(code)}${code === ui ? ' selected' : ''}>${escapeHtml(locales[code].label)}</option>`).join('');
  const here = new URL(shell.here, 'http://workbench.invalid');
  const kept = [...here.searchParams].filter(([name]) => name !== 'ui').map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('');
  const data = shell.data === undefined ? '' : `<script type="application/json" id="workbench-data">${JSON.stringify(shell.data).replace(/</g, '\\u003c')}</script>`;
  return `<!doctype html>
<html ${langAttributes(ui)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="workbench-token" content="${escapeHtml(shell.token)}">
<title>${escapeHtml(shell.title)} · ${say(strings, 'appName')}</title>
<link rel="stylesheet" href="/assets/workbench.css">
<script type="module" src="/assets/${shell.script ?? 'workbench'}.js"></script>
</head>
<body>
<a class="skip-link" href="#main">${say(strings, 'skipLink')}</a>
<header class="top">
<p class="app-name">${say(strings, 'appName')}</p>
<form method="get" action="${escapeHtml(here.pathname)}" class="interface-language">
${kept}<label for="ui">${say(strings, 'interfaceLanguage')}</label>
<select id="ui" name="ui">${options}</select>
<button type="submit">${say(strings, 'apply')}</button>
</form>
</header>
<main id="main" tabindex="-1">
${shell.main}
</main>
${data}
</body>
</html>
`;
}
