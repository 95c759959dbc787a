/**
 * Benchmark: parse + check + render of one realistic release (about 4 KB), repeated, with the time per file.
 * The site renders about 20,000 such files per build on 2 cores, so a millisecond here is ten seconds of build.
 *
 * Run: `node packages/content-model/src/mdx/bench-safe-mdx.ts [iterations]` (Node 24 runs TypeScript directly).
 */
import { performance } from 'node:perf_hooks';
import { checkSafeMdx } from './check-safe-mdx.ts';
import { parseContentFile } from './parse-content-file.ts';
import { renderSafeMdx } from './render-safe-mdx.ts';
import type { RenderOptions } from './render-safe-mdx.ts';

const release = `---
title: "IOM, UNHCR Train Libyan Partners on Protection of Migrants and Refugees"
date: 2016-09-02
country: libya
topics: [migrant-protection, capacity-building]
contacts:
  - name: Joel Millman
    email: jmillman@iom.int
    phone: "+41 79 103 8720"
---

Tunis – IOM, the UN Migration Agency, and UNHCR, the UN Refugee Agency, this week concluded a five-day training in
Tunis for 25 Libyan officials from the **Directorate for Combating Illegal Migration** (DCIM), the Libyan Coast
Guard and civil society organizations working with migrants and refugees in Libya.

<Figure src="./training-tunis.jpg" alt="Participants listen to a presentation during the training in Tunis" caption="Participants during the training in Tunis, August 2016." credit="© IOM 2016 / Name Surname" width="1200" height="800" />

## Background

The training covered international refugee law, human rights law, the *principle of non-refoulement*, the
identification of vulnerable migrants, including [victims of trafficking](https://www.iom.int/counter-trafficking),
unaccompanied children and persons with specific needs, and alternatives to detention.

Since the beginning of 2016, more than 100,000 migrants have arrived in Italy by sea, most of them departing from
Libya. According to the [IOM Missing Migrants Project](https://missingmigrants.iom.int), 3,167 people have died or
gone missing in the Mediterranean so far this year.

<Statistic value="3,167" label="people dead or missing in the Mediterranean in 2016" source="IOM Missing Migrants Project" />

### What participants learned

- How to identify people in need of international protection
- Standard operating procedures for disembarkation
- Referral mechanisms for <abbr title="Unaccompanied and Separated Children">UASC</abbr> and victims of trafficking
- Humane treatment in detention centres, in line with international standards
- Data collection through the [Displacement Tracking Matrix](/en/dtm) (DTM)

<PullQuote cite="Othman Belbeisi, IOM Libya Chief of Mission">
Building the capacity of Libyan authorities to protect migrants is an essential part of our response. We will
continue to work with our partners to ensure that the rights of all migrants are respected.
</PullQuote>

The training is part of a wider programme funded by the European Union and the governments of Italy and the
Netherlands. It follows similar sessions held in Tripoli and Misrata earlier this year, and will be followed by
on-the-job mentoring in three disembarkation points along the western coast.

## Next steps

| Activity | Location | Date |
| --- | --- | --- |
| Refresher training | Tripoli | October 2016 |
| Mentoring visits | Zawiya, Garabulli | November 2016 |
| Evaluation workshop | Tunis | December 2016 |

<Callout tone="info" title="About the Displacement Tracking Matrix">
The DTM tracks and monitors displacement and population mobility. Read the latest [Libya flow monitoring
report](https://www.globaldtm.info/libya/) for figures on arrivals, departures and transit.
</Callout>

IOM Libya also supports voluntary humanitarian return for stranded migrants who wish to go home: 1,000 migrants
have returned to their countries of origin since January, with reintegration assistance on arrival.[^1]

[^1]: Figures as of 31 August 2016.

## Quotes from participants

> "Before this training, we did not have clear procedures for people rescued at sea. Now we know who to call and what
> to do first," said a Coast Guard officer from Zawiya, who asked not to be named.

Participants also visited the IOM-supported *Migrant Resource and Response Centre* in Tunis, where they met social
workers, doctors and psychologists who assist migrants in vulnerable situations, and discussed ways of replicating
the centre's approach in Tripoli, Misrata and Sabha. Further sessions will cover ~~camp management~~ shelter
management, gender-based violence and the specific needs of children travelling alone.

For more information, please contact:

<Contacts />
`;

const options: RenderOptions = {
  labels: { source: 'Source:', footnotes: 'Footnotes', backToContent: 'Back to content' },
  resolveImage: (src) => ({ src: `/images/2016/${src.replace(/^\.\//, '')}`, width: 1200, height: 800 }),
  linkRewriter: (url) => (url.startsWith('/') ? `/newsroom${url}` : url),
  renderContacts: () => '<section class="c-contacts">…</section>',
  siteOrigin: 'https://www.iom.int',
};

const iterations = Number(process.argv[2] ?? 2000);
const file = 'content/releases/2016/iom-unhcr-train-libyan-partners/en.mdx';

function once(): { parse: number; check: number; render: number } {
  const t0 = performance.now();
  const parsed = parseContentFile(file, release);
  const t1 = performance.now();
  const issues = checkSafeMdx(file, parsed.tree);
  const t2 = performance.now();
  renderSafeMdx(parsed.tree, options);
  const t3 = performance.now();
  if (parsed.issues.length + issues.length > 0) throw new Error(`The benchmark release has problems: ${JSON.stringify([...parsed.issues, ...issues])}`);
  return { parse: t1 - t0, check: t2 - t1, render: t3 - t2 };
}

// Warm up so the JIT has compiled the hot paths before measuring.
for (let i = 0; i < 200; i++) once();

const totals = { parse: 0, check: 0, render: 0 };
const start = performance.now();
for (let i = 0; i < iterations; i++) {
  const t = once();
  totals.parse += t.parse;
  totals.check += t.check;
  totals.render += t.render;
}
const elapsed = performance.now() - start;
const perFile = elapsed / iterations;

console.log(`safe MDX: ${iterations} × ${Buffer.byteLength(release)} bytes`);
console.log(`  parse  ${(totals.parse / iterations).toFixed(3)} ms/file`);
console.log(`  check  ${(totals.check / iterations).toFixed(3)} ms/file`);
console.log(`  render ${(totals.render / iterations).toFixed(3)} ms/file`);
console.log(`  total  ${perFile.toFixed(3)} ms/file → 20,000 files ≈ ${((perFile * 20000) / 1000 / 2).toFixed(1)} s on 2 cores`);
