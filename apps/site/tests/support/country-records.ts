import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { appDir } from './paths.ts';

/** What the tests read of a country record: the fields that decide its page and its place on the map. */
export interface CountryRecord {
  code: string;
  region: string;
  presence: string;
  coveredBy?: string;
}

/** Every country record of the repository's content (`content/countries/<code>/country.yaml`), read as YAML. */
export function countryRecords(): CountryRecord[] {
  const dir = path.resolve(appDir, '../../content/countries');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => parseYaml(readFileSync(path.join(dir, entry.name, 'country.yaml'), 'utf8')) as CountryRecord);
}
