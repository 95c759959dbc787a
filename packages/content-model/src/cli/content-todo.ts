/**
 * `pnpm content:todo [--json]`: the contact values still marked as placeholders, by country (then headquarters and
 * regional offices) and field. They are never published; editors confirm them with the offices, then delete the
 * `placeholder: true` line. Exit code 0: this is a list of work, not an error.
 */
import { parseArgs } from 'node:util';
import { formatContentIssues } from '@iom/safe-mdx';
import { countryName } from '../country-names.ts';
import { readSiteContent } from '../read-site-content.ts';
import { contentLocation } from './content-location.ts';
import { unconfirmedSummary } from './unconfirmed-summary.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const { contentDir, displayRoot } = contentLocation();
const { content, issues } = await readSiteContent({ contentDir, displayRoot });
if (issues.length > 0) console.error(`${formatContentIssues(issues)}\nFix these first (pnpm check:content); the list below covers the files that could be read.\n`);

const byOwner = Map.groupBy(content.unconfirmed, (value) => value.owner);
const ownerName = (owner: string) => (/^[A-Z]{2}$/.test(owner) ? countryName(owner, 'en', content.officialNames) : owner === 'headquarters' ? 'Headquarters' : `Regional office (${owner})`);
const records = [...byOwner].map(([owner, fields]) => ({
  owner,
  name: ownerName(owner),
  file: fields[0]!.file,
  fields: fields.map(({ field, value }) => ({ field, value })),
}));

if (values.json) {
  console.log(JSON.stringify({ records: records.length, values: content.unconfirmed.length, unconfirmed: records }, null, 2));
} else {
  for (const record of records) {
    console.log(`${record.name} (${record.owner})  ${record.file}`);
    for (const { field, value } of record.fields) console.log(`  ${field.padEnd(34)} ${value}`);
  }
  console.log(`\n${unconfirmedSummary(content.unconfirmed)}`);
}
