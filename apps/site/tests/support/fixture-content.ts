import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appDir } from './paths.ts';

const repoContent = path.resolve(appDir, '../../content');

/**
 * A small content folder made from the real one: the UI strings, themes, media, the section pages, a handful of countries and two
 * releases (the seed in four languages and a three-country one). Builds in seconds, for tests that build twice.
 */
export function makeFixtureContent(countries = ['ly', 'tn', 'it', 'mu', 'km'], releases = ['2016/iom-unhcr-train-libyan-partners', '2017/mediterranean-rescue-partners-meet-in-tunis']): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'iom-fixture-')), 'content');
  mkdirSync(dir, { recursive: true });
  for (const item of ['i18n', 'themes.yaml', 'media', 'pages', 'countries/official-names.yaml']) cpSync(path.join(repoContent, item), path.join(dir, item), { recursive: true });
  for (const code of countries) cpSync(path.join(repoContent, 'countries', code), path.join(dir, 'countries', code), { recursive: true });
  for (const release of releases) cpSync(path.join(repoContent, 'releases', release), path.join(dir, 'releases', release), { recursive: true });
  return dir;
}
