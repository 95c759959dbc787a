import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureReason, measureFirstSearchInBrowser, parseFirstSearchJson } from '../../bench/browser-search.ts';

const tally = { bytes: 134_914, requests: 24, byKind: [{ kind: 'WebAssembly', bytes: 60_432, requests: 1, distinct: 1 }] };
// The shape report-first-search.ts --json printed on a built site (trimmed to one kind).
const printed = JSON.stringify({ url: 'http://127.0.0.1:35901/en/search/?q=migrants', site: '/tmp/site', lang: 'en', query: 'migrants', firstSearch: tally, filters: { bytes: 8_185, requests: 9, byKind: [] } });

describe('what report-first-search.ts --json prints', () => {
  it('is read from its last line, first search and filters', () => {
    expect(parseFirstSearchJson(`a warning first\n${printed}\n`)).toEqual({ ok: true, value: { firstSearch: tally, filters: { bytes: 8_185, requests: 9, byKind: [] } } });
  });

  it('is refused with the field that changed, not read as wrong figures', () => {
    const renamed = printed.replace('"filters"', '"filterPanel"');
    expect(parseFirstSearchJson(renamed)).toEqual({ ok: false, error: 'report-first-search.ts printed unexpected JSON: filters is missing' });
    const errorOf = (stdout: string) => {
      const parsed = parseFirstSearchJson(stdout);
      return parsed.ok ? 'read' : parsed.error;
    };
    expect(errorOf(printed.replace('"bytes":134914', '"bytes":"134.9 kB"'))).toContain('firstSearch.bytes and firstSearch.requests must be whole numbers');
    expect(errorOf(printed.replace('"distinct":1', '"distinct":null'))).toContain('firstSearch.byKind holds {"kind":"WebAssembly"');
    expect(errorOf('first search: 134.9 kB in 24 requests')).toBe('report-first-search.ts printed no JSON (last line: "first search: 134.9 kB in 24 requests")');
  });
});

describe('why a measure failed', () => {
  it('is the script’s own line without Playwright’s call log, else its last words, else its exit', () => {
    expect(failureReason('report:first-search: browserType.launch: Executable doesn’t exist at /usr/bin/chromium\nCall log:\n  - <launching>\n', 1, null)).toBe('browserType.launch: Executable doesn’t exist at /usr/bin/chromium');
    expect(failureReason('node:internal/modules\n\nError: Cannot find package playwright-core\n', 1, null)).toBe('Error: Cannot find package playwright-core');
    expect(failureReason('', 1, null)).toBe('report-first-search.ts exited with code 1');
    expect(failureReason('', null, 'SIGKILL')).toBe('report-first-search.ts stopped by SIGKILL');
  });
});

describe('measuring a folder that is not a built site', () => {
  it('runs the site’s real script and records "not measured" with its reason instead of failing', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'bench-no-site-'));
    try {
      const result = await measureFirstSearchInBrowser({ siteDir: empty });
      expect(result.status).toBe('not measured');
      expect(result.status === 'not measured' ? result.reason : '').toBe(
        `no search page at ${path.join(empty, 'en', 'search', 'index.html')}: give --site the folder of a built site (and --lang one of its languages)`,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
