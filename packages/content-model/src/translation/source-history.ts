import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sourceFingerprint } from '../content-hash.ts';
import { parseFrontmatter } from '@iom/safe-mdx';
import { changedSections, type SectionChanges } from './sections.ts';

/** What a translator needs to know about a source that changed after it was translated. */
export interface SourceChange {
  /** Date of the first change after the translated version (YYYY-MM-DD), `uncommitted`, or `unknown`. */
  changedOn: string;
  /** Sections of the source that changed since the translated version, when that version is found in history. */
  sections?: SectionChanges | undefined;
  /** The body of the source version the translation was made from, when that version is found in history. */
  translatedBody?: string | undefined;
}

function git(repoRoot: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** Title, summary and body of a source file's text, as fingerprinted. */
function fingerprintParts(text: string): { title: string; summary: string | undefined; body: string } | undefined {
  const parsed = parseFrontmatter('source', text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const data = parsed.data;
  if (!data || typeof data.title !== 'string') return undefined;
  return { title: data.title, summary: typeof data.summary === 'string' ? data.summary : undefined, body: text.replace(/\r\n?/g, '\n').slice(parsed.bodyOffset) };
}

/**
 * Finds, in git history, the version of a source file that a translation was made from (the one whose fingerprint
 * the translation records), and reports when the source changed after it and which sections changed.
 * Works without git too: then the date is `unknown` and no sections are listed.
 */
export function sourceChangeSince(repoRoot: string, sourceFile: string, translatedFrom: string, currentText: string): SourceChange {
  const relative = path.relative(repoRoot, sourceFile);
  const log = git(repoRoot, ['log', '--format=%H %cs', '--', relative]);
  const current = fingerprintParts(currentText);
  if (!log || !current) return { changedOn: 'unknown' };
  const commits = log.trim().split('\n').filter(Boolean).map((line) => {
    const [hash, date] = line.split(' ') as [string, string];
    return { hash, date };
  });
  const headText = commits.length ? git(repoRoot, ['show', `${commits[0]!.hash}:${relative}`]) : undefined;
  const headParts = headText ? fingerprintParts(headText) : undefined;
  const headFingerprint = headParts ? sourceFingerprint(headParts) : undefined;
  const workingChanged = headFingerprint !== sourceFingerprint(current);
  // commits[0] is the newest; walk back to the translated version.
  for (let index = 0; index < commits.length; index += 1) {
    const text = index === 0 ? headText : git(repoRoot, ['show', `${commits[index]!.hash}:${relative}`]);
    const parts = text ? fingerprintParts(text) : undefined;
    if (!parts || sourceFingerprint(parts) !== translatedFrom) continue;
    const changedOn = index === 0 ? (workingChanged ? 'uncommitted' : 'unknown') : commits[index - 1]!.date;
    return { changedOn, sections: changedSections(parts.body, current.body), translatedBody: parts.body };
  }
  return { changedOn: workingChanged && headFingerprint === translatedFrom ? 'uncommitted' : 'unknown' };
}
