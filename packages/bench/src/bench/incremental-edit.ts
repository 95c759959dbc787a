import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { markerName, type CorpusMarker } from '../corpus/write-corpus.ts';

/** The sentence appended to a release body for the incremental rebuild. */
export const appendedSentence = 'This sentence was added by the benchmark to measure a rebuild after a small edit.';

/**
 * A release file with one sentence appended to its body, as an editor fixing a release would.
 *
 * @example
 * appendSentence('---\ntitle: "x"\n---\n\nText.\n') // '---\ntitle: "x"\n---\n\nText.\n\nThis sentence was added …\n'
 */
export function appendSentence(text: string): string {
  return `${text.replace(/\n*$/, '\n')}\n${appendedSentence}\n`;
}

/**
 * The source file of the corpus's first release (`r000001-…`), relative to the corpus folder: the same file for
 * every size and seed, so incremental figures compare.
 */
export function firstReleaseSource(corpusDir: string): string | undefined {
  const releases = path.join(corpusDir, 'releases');
  for (const year of readdirSync(releases).sort()) {
    const key = readdirSync(path.join(releases, year)).find((name) => name.startsWith('r000001-'));
    if (!key) continue;
    for (const lang of ['en', 'fr', 'es', 'ar']) {
      const file = path.join(releases, year, key, `${lang}.mdx`);
      if (existsSync(file) && !/^translationOf:/m.test(readFileSync(file, 'utf8'))) return path.relative(corpusDir, file).split(path.sep).join('/');
    }
  }
  return undefined;
}

/**
 * Edits one file of a cached corpus for the time of `work`, then puts it back byte for byte. While edited, the
 * corpus marker says "incomplete", so if the process dies before restoring, the next run regenerates the corpus
 * instead of measuring an edited one.
 */
export async function withEditedFile<T>(corpusDir: string, relativeFile: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(corpusDir, ...relativeFile.split('/'));
  const markerFile = path.join(corpusDir, markerName);
  const original = readFileSync(file);
  const markerText = readFileSync(markerFile, 'utf8');
  const marker = JSON.parse(markerText) as CorpusMarker;
  const restore = () => {
    writeFileSync(file, original);
    writeFileSync(markerFile, markerText);
  };
  const onSignal = () => {
    restore();
    process.exit(130);
  };
  writeFileSync(markerFile, `${JSON.stringify({ ...marker, complete: false }, null, 2)}\n`);
  writeFileSync(file, appendSentence(original.toString('utf8')));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    restore();
  }
}
