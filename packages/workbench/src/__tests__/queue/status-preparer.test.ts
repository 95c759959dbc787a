import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFilesSync } from '@iom/files';
import { readSiteContent } from '@iom/content-model/node';
import { prepareFile } from '@iom/content-model/prepare';
import { describe, expect, it } from 'vitest';
import { buildReleaseIndex } from '../../release-index.ts';
import { prepareForStatus } from '../../status-preparer.ts';

const contentDir = path.resolve(import.meta.dirname, '../../../../../content');
const displayRoot = path.dirname(contentDir);

describe('reading content for the status only', () => {
  it('gives every content file the fingerprint and frontmatter the full preparer gives', async () => {
    const files = listFilesSync(contentDir, { extension: '.mdx' });
    expect(files.length).toBeGreaterThan(50);
    const tasks = files.map((file) => ({ file: `content/${file}`, path: path.join(contentDir, file) }));
    const quick = await prepareForStatus(tasks, {});
    tasks.forEach((task, index) => {
      const full = prepareFile(task.file, readFileSync(task.path));
      expect({ file: task.file, fingerprint: quick[index]!.fingerprint, frontmatter: quick[index]!.frontmatter }).toEqual({ file: task.file, fingerprint: full.fingerprint, frontmatter: full.frontmatter });
    });
  });

  it('gives the queue the same states as reading the content in full', async () => {
    const full = await readSiteContent({ contentDir, displayRoot });
    const quick = await readSiteContent({ contentDir, displayRoot, prepare: prepareForStatus });
    const states = (releases: typeof full.content.releases) => buildReleaseIndex(releases, displayRoot).entries.map((entry) => [entry.id, entry.states]);
    expect(states(quick.content.releases)).toEqual(states(full.content.releases));
  });
});
