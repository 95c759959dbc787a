import { spawn } from 'node:child_process';
import path from 'node:path';
import { siteAppDir } from '../repo-paths.ts';

/**
 * The site's own measure of a first search in Chromium. The bench runs it as a child process by path rather than
 * importing it: the bench must not depend on apps/site (CONVENTIONS.md, "Nothing in packages/ imports from apps/").
 */
export const firstSearchScript = path.join(siteAppDir, 'scripts', 'quality', 'report-first-search.ts');

/** The search the bench measures, the one the first-search targets are set for (scale issue). */
export const benchSearch = { lang: 'en', query: 'migrants' } as const;

/** How the measured first search is taken; printed with the figures. */
export const browserSearchMethod =
  `first search measured = every request a first search for "${benchSearch.query}" on /${benchSearch.lang}/search/ makes in Chromium, from the page's HTML until the first results show, ` +
  'the site served like a static host (text gzipped at level 9), bytes as transferred with headers, kB = 1,000 bytes (apps/site/scripts/quality/report-first-search.ts).';

/** Requests of one phase of the measure: bytes as transferred, headers included, then by kind of file. */
export interface RequestTally {
  bytes: number;
  requests: number;
  byKind: { kind: string; bytes: number; requests: number; distinct: number }[];
}

/** A first search in Chromium on one built site, or why it was not measured. */
export type BrowserSearchRun =
  | {
      status: 'measured';
      lang: string;
      query: string;
      /** From the search page's HTML until the first results show. */
      firstSearch: RequestTally;
      /** What opening the filters adds. */
      filters: RequestTally;
      /** How long the measure took (browser start included). */
      ms: number;
    }
  | { status: 'not measured'; lang: string; query: string; reason: string };

/**
 * A first search as the report and the targets show it: kB of 1,000 bytes, as the issue states its targets.
 *
 * @example
 * formatSearchFigure({ bytes: 389_700, requests: 60 }) // '389.7 kB in 60 requests'
 */
export const formatSearchFigure = ({ bytes, requests }: { bytes: number; requests: number }) => `${(bytes / 1000).toFixed(1)} kB in ${requests} requests`;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function readTally(value: unknown, name: string): RequestTally | string {
  const tally = value as Partial<RequestTally> | null;
  if (typeof tally !== 'object' || tally === null) return `${name} is missing`;
  if (!isCount(tally.bytes) || !isCount(tally.requests)) return `${name}.bytes and ${name}.requests must be whole numbers`;
  if (!Array.isArray(tally.byKind)) return `${name}.byKind must be a list`;
  for (const kind of tally.byKind as unknown[]) {
    const entry = kind as Partial<RequestTally['byKind'][number]> | null;
    if (typeof entry !== 'object' || entry === null || typeof entry.kind !== 'string' || !isCount(entry.bytes) || !isCount(entry.requests) || !isCount(entry.distinct)) {
      return `${name}.byKind holds ${JSON.stringify(kind)}, not { kind, bytes, requests, distinct }`;
    }
  }
  return { bytes: tally.bytes, requests: tally.requests, byKind: tally.byKind };
}

/**
 * Reads what `report-first-search.ts --json` printed: its last line is one JSON object with `firstSearch` and
 * `filters`. Checked field by field, so that a change of the script's output shows as a reason in the report
 * instead of wrong figures.
 *
 * @example
 * parseFirstSearchJson('{"firstSearch":{"bytes":1,"requests":1,"byKind":[]},"filters":{"bytes":0,"requests":0,"byKind":[]}}')
 * // { ok: true, value: { firstSearch: { bytes: 1, … }, filters: { … } } }
 */
export function parseFirstSearchJson(stdout: string): { ok: true; value: { firstSearch: RequestTally; filters: RequestTally } } | { ok: false; error: string } {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  let parsed: { firstSearch?: unknown; filters?: unknown };
  try {
    parsed = JSON.parse(line) as typeof parsed;
  } catch {
    return { ok: false, error: `report-first-search.ts printed no JSON (last line: ${JSON.stringify(line.slice(0, 200))})` };
  }
  const firstSearch = readTally(parsed?.firstSearch, 'firstSearch');
  const filters = readTally(parsed?.filters, 'filters');
  for (const tally of [firstSearch, filters]) if (typeof tally === 'string') return { ok: false, error: `report-first-search.ts printed unexpected JSON: ${tally}` };
  return { ok: true, value: { firstSearch: firstSearch as RequestTally, filters: filters as RequestTally } };
}

/**
 * Why the script failed, in one line: its own `report:first-search: <why>` line (the first line of the error,
 * Playwright adds a call log below it), else the last line it wrote on stderr, else its exit code.
 *
 * @example
 * failureReason('report:first-search: browserType.launch: Executable doesn’t exist at /usr/bin/chromium\nCall log: …', 1, null)
 * // 'browserType.launch: Executable doesn’t exist at /usr/bin/chromium'
 */
export function failureReason(stderr: string, exitCode: number | null, signal: string | null): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const own = lines.find((line) => line.startsWith('report:first-search: '));
  if (own) return own.slice('report:first-search: '.length);
  if (lines.length) return lines.at(-1)!;
  return signal ? `report-first-search.ts stopped by ${signal}` : `report-first-search.ts exited with code ${exitCode}`;
}

/**
 * Measures a first search on a built site in Chromium by running the site's `report-first-search.ts --json`. Never
 * throws: a missing browser, a timeout or unexpected output gives `status: 'not measured'` with the reason, so that
 * the bench goes on.
 */
export function measureFirstSearchInBrowser(options: { siteDir: string; lang?: string; query?: string; timeoutMs?: number }): Promise<BrowserSearchRun> {
  const lang = options.lang ?? benchSearch.lang;
  const query = options.query ?? benchSearch.query;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const notMeasured = (reason: string): BrowserSearchRun => ({ status: 'not measured', lang, query, reason });
  const started = performance.now();
  const child = spawn(process.execPath, [firstSearchScript, '--site', options.siteDir, '--lang', lang, '--query', query, '--json'], {
    cwd: siteAppDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let timedOut = false;
  // SIGTERM lets Playwright close the browser it started before the script exits.
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
  }, timeoutMs);
  return new Promise((resolve) => {
    // On a failed spawn 'close' may follow 'error'; the first resolve wins.
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(notMeasured(`could not start report-first-search.ts: ${error.message}`));
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (timedOut) return resolve(notMeasured(`report-first-search.ts gave no result within ${Math.round(timeoutMs / 1000)} s`));
      if (exitCode !== 0) return resolve(notMeasured(failureReason(stderr, exitCode, signal)));
      const parsed = parseFirstSearchJson(stdout);
      resolve(parsed.ok ? { status: 'measured', lang, query, ...parsed.value, ms } : notMeasured(parsed.error));
    });
  });
}
