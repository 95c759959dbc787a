/**
 * Benchmark: how long `prepareFile` (decode, frontmatter, parse, check, search text, media, fingerprint, render)
 * takes per file, through the quick parser and through remark, with the share of files the quick parser reads.
 * The site prepares about 20,000 such files per build on 2 cores, so a millisecond here is ten seconds of build.
 *
 * Run: `node packages/bench/src/safe-mdx/bench-safe-mdx.ts [corpus-folder] [--rounds N]` (Node 24 runs TypeScript
 * directly). Without a folder it measures its built-in samples: a typical English release, the same in Arabic, and a
 * release that uses the whole dialect (table, footnote, block quote, strikethrough), which the quick parser leaves to
 * remark. A folder (such as `node packages/bench/src/corpus-cli.ts --releases 300 --out /tmp/corpus-small`) is
 * read for every `.mdx` under it, grouped by language.
 *
 * `--megabyte [case]` measures instead whole files of about 1 MB, one case or all: text nested thousands of levels
 * deep in every way (refused by the nesting limit), invisible control characters, text nested just at the limit
 * throughout, and long ordinary releases for each parser. Each line gives what `prepareFile` concluded and how long it
 * took (the best of `--rounds` runs, 3 by default, the first included: a refused file is refused before the JIT
 * has warmed up).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareFile, prepareFileWith, type PrepareRender } from '@iom/content-model/prepare';
import { locateFrontmatter, maxNestingDepth, parseContentFile, quickParse, renderSafeMdx } from '@iom/safe-mdx';

// The whole dialect: the quick parser gives up on its table, footnote and block quote, and remark reads it.
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


// A release as the corpus and most real content write it: paragraphs, headings, a list, links, components.
const typicalRelease = `---
title: "IOM Trains 78 Officials in Bishkek on Health Screening"
type: "press-release"
scope: "country"
date: "2019-04-27"
dateline:
  place: "Bishkek"
  country: "KG"
countries: ["KG", "RU"]
themes: ["labour-migration", "emergency-response"]
partners: []
funders: ["Government of Switzerland"]
contacts:
  - name: "Ana Dillon"
    organisation: "IOM"
    office: "IOM Kyrgyzstan"
    phone: "+494 62 764 8163"
    email: "adillon@iom.int"
---

Community leaders in Bishkek welcomed the initiative and asked for it to be extended to neighbouring
districts. Training sessions covered first aid, the rights of migrant workers and referral procedures.

Engineers repaired water points and latrines in 20 villages around Bishkek. Health workers screened 70,392
people for malnutrition, tuberculosis and other conditions. The response also includes winter clothing for
drought-affected herders with specific needs, such as older people and persons with disabilities. The project
is part of a wider effort to improve access to health care for returning migrants in the region.

## The response so far

The situation remains fragile, and needs are expected to grow before the end of 2019. Heavy rains and rising
prices have made the situation of the displaced families in Kyrgyzstan more difficult. Local authorities in
Bishkek have asked for additional support to provide cash assistance, according to the
[Displacement Tracking Matrix](https://dtm.iom.int/).

<Statistic value="70,392" label="people screened for malnutrition and tuberculosis" source="IOM Displacement Tracking Matrix" />

Since April, mobile teams have visited 29 communities to carry out land rehabilitation. The assessment found
that the people on the move most at risk were living in informal settlements without **decent work**. Each
family received non-food items, as well as information on how to obtain *legal status*.

- land rehabilitation in 28 locations
- psychosocial support for children and their families
- repairs to water points and latrines in 12 sites, with the support of
  <abbr title="United Nations Development Programme">UNDP</abbr>
- information sessions on how to obtain safe shelter

<PullQuote cite="Ana Dillon, IOM Chief of Mission">
Returning migrants need more than a ticket home. They need a way to make a living, and a community that
knows how to welcome them back.
</PullQuote>

## Funding

The response also includes emergency shelter kits for members of host communities with specific needs, such as
older people and persons with disabilities. A hotline set up with WFP has received more than 842 calls since
April. Read more on [our news page](/en/news/).

<Figure src="/images/bench/figure-12.jpg" alt="Health workers screen a family" caption="Screening in Bishkek." credit="© IOM 2019 / Ana Dillon" width="1200" height="800" />

IOM also supports national authorities with health screening, so that services can continue after the project
ends. The centre in Bishkek offers temporary accommodation and hygiene kits under one roof.

<Contacts />
`;

// The same kind of release in Arabic (right to left), as the Arabic content files write it.
const arabicRelease = `---
title: "المنظمة الدولية للهجرة تدرّب 78 مسؤولاً في بيشكيك على الفحص الصحي"
translationOf:
  lang: "en"
  hash: "4e744044c1f6"
---

رحّب قادة المجتمع المحلي في بيشكيك بهذه المبادرة وطلبوا توسيعها لتشمل المناطق المجاورة. وتناولت الدورات
التدريبية الإسعافات الأولية وحقوق العمال المهاجرين وإجراءات الإحالة.

أصلح المهندسون نقاط المياه والمراحيض في 20 قرية حول بيشكيك. وفحص العاملون الصحيون 70392 شخصاً للكشف عن سوء
التغذية والسل وأمراض أخرى. وتشمل الاستجابة أيضاً الملابس الشتوية للرعاة المتضررين من الجفاف من ذوي الاحتياجات
الخاصة، مثل كبار السن والأشخاص ذوي الإعاقة.

## الاستجابة حتى الآن

لا يزال الوضع هشاً، ويُتوقع أن تزداد الاحتياجات قبل نهاية عام 2019. وقد جعلت الأمطار الغزيرة وارتفاع الأسعار
وضع الأسر النازحة في قيرغيزستان أكثر صعوبة، بحسب [مصفوفة تتبع النزوح](https://dtm.iom.int/ar).

<Statistic value="70392" label="شخصاً خضعوا لفحص سوء التغذية والسل" source="مصفوفة تتبع النزوح" />

منذ نيسان/أبريل، زارت الفرق المتنقلة 29 مجتمعاً محلياً لتنفيذ أعمال إصلاح الأراضي. ووجد التقييم أن الأشخاص
المتنقلين الأكثر عرضة للخطر يعيشون في مستوطنات غير رسمية دون **عمل لائق**.

- إصلاح الأراضي في 28 موقعاً
- الدعم النفسي والاجتماعي للأطفال وأسرهم
- إصلاح نقاط المياه والمراحيض في 12 موقعاً بدعم من <bdi>UNDP</bdi>
- جلسات إعلامية حول كيفية الحصول على مأوى آمن

<PullQuote cite="آنا ديلون، رئيسة بعثة المنظمة الدولية للهجرة">
لا يحتاج المهاجرون العائدون إلى تذكرة عودة فحسب، بل إلى سبيل لكسب العيش ومجتمع يعرف كيف يستقبلهم من جديد.
</PullQuote>

## التمويل

تشمل الاستجابة أيضاً مجموعات المأوى الطارئ لأفراد المجتمعات المضيفة من ذوي الاحتياجات الخاصة. واقرأ المزيد على
[صفحة الأخبار](/ar/news/).

<Figure src="/images/bench/figure-12.jpg" alt="عاملون صحيون يفحصون أسرة" caption="الفحص في بيشكيك." credit="© IOM 2019 / آنا ديلون" width="1200" height="800" />

<Contacts />
`;

const render: PrepareRender = {
  labels: { source: 'Source:', footnotes: 'Footnotes', backToContent: 'Back to content' },
  base: '/newsroom/',
  contactsMarker: '<!--contacts-->',
};

interface Sample {
  file: string;
  lang: string;
  text: string;
  bytes: Uint8Array;
}

function languageOf(file: string): string {
  return /(?:^|[/\\])(en|fr|es|ar)\.mdx$/.exec(file)?.[1] ?? 'other';
}

function samplesFrom(folder: string | undefined): Sample[] {
  const named = folder
    ? readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
        .map((entry) => {
          const file = path.join(entry.parentPath, entry.name);
          return { file, text: readFileSync(file, 'utf8') };
        })
    : [
        { file: 'content/releases/2019/typical/en.mdx', text: typicalRelease },
        { file: 'content/releases/2019/typical/ar.mdx', text: arabicRelease },
        { file: 'content/releases/2016/whole-dialect/en.mdx', text: release },
      ];
  return named.map(({ file, text }) => ({ file, lang: languageOf(file), text, bytes: new TextEncoder().encode(text) }));
}

/** Milliseconds per item of `run` over `items`: the best of `rounds` rounds, the one the machine disturbed least. */
function msPerFile<T>(items: readonly T[], rounds: number, run: (item: T) => unknown): number {
  if (items.length === 0) return Number.NaN;
  // One round to warm up, so that the JIT has compiled the hot paths before measuring.
  for (const item of items) run(item);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const item of items) run(item);
    best = Math.min(best, (performance.now() - start) / items.length);
  }
  return best;
}

/** About `size` characters of `unit` repeated, then `tail`. */
function repeated(unit: string, tail = 'Text\n', size = 1_000_000): string {
  return unit.repeat(Math.floor(size / unit.length)) + tail;
}

/** The body of a release without its frontmatter. */
const bodyOf = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 5);

/** Whole files of about a megabyte, by name: the frontmatter of the typical release, then the body. */
function megabyteFiles(): Map<string, string> {
  const head = typicalRelease.slice(0, typicalRelease.indexOf('\n---\n', 4) + 5);
  const atLimit = maxNestingDepth;
  const bodies: [string, string][] = [
    ['"- " on one line', repeated('- ')],
    ['"1. " on one line', repeated('1. ')],
    ['list lines, 2 spaces deeper each', Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- a\n`).join('')],
    ['"> " on one line', repeated('> ')],
    ['">" on one line', repeated('>')],
    ['"> - " on one line', repeated('> - ')],
    ['<Callout> lines', repeated('<Callout>\n')],
    ['<abbr> tags', repeated('<abbr>')],
    ['"*a " never closed', repeated('*a ')],
    ['emphasis nested', `${repeated('*a ', 'b', 500_000)}${repeated(' c*', '\n', 500_000)}`],
    ['"*" run', repeated('*', 'a\n')],
    ['"[" repeated', repeated('[')],
    ['images nested', `${repeated('![', 'a', 200_000)}${repeated('](/x.png)', '\n', 800_000)}`],
    ['"[^1]: " repeated', repeated('[^1]: ')],
    ['NUL characters', repeated('\0')],
    ['lists at the limit', repeated(`${'- '.repeat(atLimit)}a\n\n`)],
    ['quotations at the limit', repeated(`${'> '.repeat(atLimit)}a\n\n`)],
    ['emphasis at the limit', repeated(`${'*a '.repeat(atLimit)}b${' c*'.repeat(atLimit)}\n\n`)],
    ['unclosed "[" at the limit', repeated(`${'[a '.repeat(atLimit)}\n\n`)],
    ['typical release (quick parser)', repeated(`${bodyOf(typicalRelease).replace('<Contacts />', '')}\n`)],
    ['whole dialect (remark)', repeated(`${bodyOf(release).replace('<Contacts />', '')}\n`)],
  ];
  const files = new Map(bodies.map(([name, body]) => [name, head + body]));
  files.set('frontmatter "[" repeated', `---\ntitle: ${repeated('[', '', 999_000)}\n---\n\nText.\n`);
  return files;
}

function benchMegabyte(only: string | undefined, rounds: number): void {
  const files = megabyteFiles();
  const names = only ? [only] : [...files.keys()];
  const unknown = names.find((name) => !files.has(name));
  if (unknown) throw new Error(`No case "${unknown}"; the cases are: ${[...files.keys()].join(', ')}`);
  console.log(`prepareFile on files of about 1 MB, best of ${rounds} runs (the first one included)`);
  console.log('case                                     bytes        ms  result');
  for (const name of names) {
    const bytes = new TextEncoder().encode(files.get(name));
    const file = 'content/releases/2019/megabyte/en.mdx';
    let best = Number.POSITIVE_INFINITY;
    let result: ReturnType<typeof prepareFile> | undefined;
    for (let round = 0; round < Math.max(1, rounds); round++) {
      const start = performance.now();
      result = prepareFile(file, bytes, render);
      best = Math.min(best, performance.now() - start);
    }
    if (result === undefined) continue;
    const issue = result.issues[0];
    const parser = prepareFileWith('quick', file, bytes, render) ? 'quick parser' : 'remark';
    const outcome = issue ? `${issue.field ?? ''} at ${issue.line ?? '?'}:${issue.column ?? '?'}${result.issues.length > 1 ? ` (+${result.issues.length - 1})` : ''}` : `accepted (${parser})`;
    console.log(`${name.padEnd(36)} ${String(bytes.length).padStart(9)} ${best.toFixed(1).padStart(9)}  ${outcome}`);
  }
}

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const megabyteAt = args.indexOf('--megabyte');
if (megabyteAt !== -1) {
  const only = args[megabyteAt + 1]?.startsWith('--') ? undefined : args[megabyteAt + 1];
  benchMegabyte(only, roundsAt === -1 ? 3 : Number(args[roundsAt + 1]));
  process.exit(0);
}
const rounds = roundsAt === -1 ? 5 : Number(args[roundsAt + 1]);
const folder = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--rounds');
const all = samplesFrom(folder);
if (all.length === 0) throw new Error(`No .mdx file under ${folder}`);
// Built-in samples are short: repeat them so that each round lasts long enough to measure.
const repeat = folder ? 1 : 200;

const fixed = (value: number, digits = 3) => (Number.isNaN(value) ? '–' : value.toFixed(digits));
const column = (value: number, width: number) => `${fixed(value).padStart(width)} ms`;
console.log(`safe MDX: ${all.length} files from ${folder ?? 'the built-in samples'}, best of ${rounds} rounds (ms per file)`);
// quick: the share of files prepareFile reads with the quick parser; quick path / remark path: prepareFile with one
// parser only; quick parse / remark parse: the parse alone; render: renderSafeMdx alone.
console.log('group                files    bytes  quick  prepareFile  quick path  remark path  quick parse  remark parse   render');
const groups = new Map<string, Sample[]>([['all', all]]);
for (const sample of all) {
  const name = folder ? sample.lang : `${path.basename(path.dirname(sample.file))} (${sample.lang})`;
  groups.set(name, [...(groups.get(name) ?? []), sample]);
}
for (const [name, group] of groups) {
  const samples = Array.from({ length: repeat }, () => group).flat();
  const quick = samples.filter((sample) => prepareFileWith('quick', sample.file, sample.bytes, render) !== undefined);
  const blocks = new Map(quick.map((sample) => [sample, locateFrontmatter(sample.text)]));
  const trees = samples.map((sample) => parseContentFile(sample.file, sample.text).tree);
  const bytes = group.reduce((sum, sample) => sum + sample.bytes.length, 0) / group.length;
  const cells = [
    msPerFile(samples, rounds, (sample) => prepareFile(sample.file, sample.bytes, render)),
    msPerFile(quick, rounds, (sample) => prepareFileWith('quick', sample.file, sample.bytes, render)),
    msPerFile(samples, Math.min(rounds, 3), (sample) => prepareFileWith('remark', sample.file, sample.bytes, render)),
    msPerFile(quick, rounds, (sample) => {
      const block = blocks.get(sample);
      return block && block !== 'unclosed' ? quickParse(sample.text, block) : undefined;
    }),
    msPerFile(samples, Math.min(rounds, 3), (sample) => parseContentFile(sample.file, sample.text)),
    msPerFile(trees, rounds, (tree) => renderSafeMdx(tree, { labels: render.labels })),
  ];
  console.log(
    `${name.padEnd(20)} ${String(group.length).padStart(5)} ${String(Math.round(bytes)).padStart(8)} ${`${Math.round((100 * quick.length) / samples.length)} %`.padStart(6)}` +
      `  ${column(cells[0]!, 8)}  ${column(cells[1]!, 7)}  ${column(cells[2]!, 8)}  ${column(cells[3]!, 8)}  ${column(cells[4]!, 9)}  ${column(cells[5]!, 5)}`,
  );
}
const total = msPerFile(Array.from({ length: repeat }, () => all).flat(), rounds, (sample) => prepareFile(sample.file, sample.bytes, render));
console.log(`prepareFile, all files: ${fixed(total)} ms/file → 20,000 files ≈ ${fixed((total * 20000) / 1000 / 2, 1)} s on 2 cores`);
