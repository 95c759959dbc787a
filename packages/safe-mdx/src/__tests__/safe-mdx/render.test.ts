import { describe, expect, it } from 'vitest';
import { checkSafeMdx, extractHeadings, parseContentFile, renderSafeMdx } from '../../index.ts';
import type { RenderOptions } from '../../index.ts';

const file = 'content/releases/2016/iom-unhcr-train-libyan-partners/en.mdx';
const labels = { source: 'Source:', footnotes: 'Footnotes', backToContent: 'Back to content' };

function render(body: string, options: Partial<RenderOptions> = {}): string {
  return renderSafeMdx(parseContentFile(file, `---\ntitle: Test\n---\n${body}`).tree, { labels, ...options });
}

const release = `---
title: IOM, UNHCR Train Libyan Partners
date: 2016-09-02
---

Tunis – IOM and UNHCR concluded a five-day training for 25 Libyan officials from the **Directorate for Combating
Illegal Migration** (DCIM).

<Figure src="./training-tunis.jpg" alt="Participants listen to a presentation" caption="Participants in Tunis, August 2016." credit="© IOM 2016 / Name Surname" />

## Background

The training covered *international refugee law* and [victims of trafficking](https://www.iom.int/counter-trafficking).
See the [UNHCR report](https://www.unhcr.org/libya) and our [DTM page](/en/dtm#latest).

### What participants learned

- Identification of people in need of protection
- Referral of <abbr title="Unaccompanied and Separated Children">UASC</abbr>
- Data collection

<PullQuote cite="Othman Belbeisi, IOM Libya Chief of Mission">
Building the capacity of Libyan authorities is essential.
</PullQuote>

<Statistic value="3,167" label="people dead or missing in the Mediterranean in 2016" source="IOM Missing Migrants Project" />

## Background

For more information, please contact:

<Contacts />
`;

describe('a clean, realistic release', () => {
  const parsed = parseContentFile(file, release);
  const html = renderSafeMdx(parsed.tree, {
    labels,
    siteOrigin: 'https://www.iom.int',
    resolveImage: (src) => ({ src: `/images/2016/${src.slice(2)}`, width: 1200, height: 800 }),
    linkRewriter: (url) => `/newsroom${url}`,
    renderContacts: () => '<section class="c-contacts"><h2>Press contacts</h2></section>',
  });

  it('passes the check', () => {
    expect([...parsed.issues, ...checkSafeMdx(file, parsed.tree)]).toEqual([]);
  });

  it('renders to semantic HTML with the component classes', () => {
    expect(html).toBe(
      [
        '<p>Tunis – IOM and UNHCR concluded a five-day training for 25 Libyan officials from the <strong>Directorate for Combating',
        'Illegal Migration</strong> (DCIM).</p>',
        '<figure class="c-figure"><img src="/images/2016/training-tunis.jpg" alt="Participants listen to a presentation" width="1200" height="800" loading="lazy" decoding="async"><figcaption>Participants in Tunis, August 2016. <span class="c-figure__credit">© IOM 2016 / Name Surname</span></figcaption></figure>',
        '<h2 id="background">Background</h2>',
        '<p>The training covered <em>international refugee law</em> and <a href="https://www.iom.int/counter-trafficking">victims of trafficking</a>.',
        'See the <a href="https://www.unhcr.org/libya" rel="noopener noreferrer">UNHCR report</a> and our <a href="/newsroom/en/dtm#latest">DTM page</a>.</p>',
        '<h3 id="what-participants-learned">What participants learned</h3>',
        '<ul>',
        '<li>Identification of people in need of protection</li>',
        '<li>Referral of <abbr title="Unaccompanied and Separated Children">UASC</abbr></li>',
        '<li>Data collection</li>',
        '</ul>',
        '<figure class="c-pull-quote"><blockquote class="c-pull-quote__quote">',
        '<p>Building the capacity of Libyan authorities is essential.</p>',
        '</blockquote><figcaption class="c-pull-quote__cite">Othman Belbeisi, IOM Libya Chief of Mission</figcaption></figure>',
        '<p class="c-statistic"><strong class="c-statistic__value">3,167</strong> <span class="c-statistic__label">people dead or missing in the Mediterranean in 2016</span> <span class="c-statistic__source">Source: IOM Missing Migrants Project</span></p>',
        '<h2 id="background-1">Background</h2>',
        '<p>For more information, please contact:</p>',
        '<section class="c-contacts"><h2>Press contacts</h2></section>',
      ].join('\n'),
    );
  });

  it('contains no script, no event handler and no inline style', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it('lists the headings with the ids the HTML uses', () => {
    expect(extractHeadings(parsed.tree)).toEqual([
      { depth: 2, text: 'Background', id: 'background' },
      { depth: 3, text: 'What participants learned', id: 'what-participants-learned' },
      { depth: 2, text: 'Background', id: 'background-1' },
    ]);
  });
});

describe('components', () => {
  it('renders a Figure without options: path as written, sizes as written, lazy', () => {
    expect(render('<Figure src="./a.jpg" alt="Officers" width="600" height="400" />\n')).toBe(
      '<figure class="c-figure"><img src="./a.jpg" alt="Officers" width="600" height="400" loading="lazy" decoding="async"></figure>',
    );
  });

  it('renders a decorative Figure with an empty alt, and a credit without caption', () => {
    expect(render('<Figure src="./line.png" alt="" decorative credit="© IOM" />\n')).toBe(
      '<figure class="c-figure"><img src="./line.png" alt="" loading="lazy" decoding="async"><figcaption><span class="c-figure__credit">© IOM</span></figcaption></figure>',
    );
  });

  it('loads only the first image eagerly when asked', () => {
    const html = render('![One](./1.jpg)\n\n<Figure src="./2.jpg" alt="Two" />\n', { eagerFirstImage: true });
    expect(html.match(/loading="\w+"/g)).toEqual(['loading="eager"', 'loading="lazy"']);
  });

  it('wraps a one-line PullQuote in a paragraph and keeps its language', () => {
    expect(render('<PullQuote lang="fr" cite="A">Nous continuerons.</PullQuote>\n')).toBe(
      '<figure class="c-pull-quote" lang="fr"><blockquote class="c-pull-quote__quote">\n<p>Nous continuerons.</p>\n</blockquote><figcaption class="c-pull-quote__cite">A</figcaption></figure>',
    );
  });

  it('renders a Callout with the default tone and no title', () => {
    expect(render('<Callout>\nRoads are closed.\n</Callout>\n')).toBe(
      '<aside class="c-callout c-callout--info" role="note">\n<p>Roads are closed.</p>\n</aside>',
    );
  });

  it('renders a Statistic without source, and takes the source label from options', () => {
    expect(render('<Statistic value="25" label="officials trained" />\n')).toBe(
      '<p class="c-statistic"><strong class="c-statistic__value">25</strong> <span class="c-statistic__label">officials trained</span></p>',
    );
    expect(render('<Statistic value="25" label="officiels" source="OIM" />\n', { labels: { ...labels, source: 'Source :' } })).toContain(
      '<span class="c-statistic__source">Source : OIM</span>',
    );
  });

  it('renders nothing for Contacts when the site gives no contacts block', () => {
    expect(render('Contact:\n\n<Contacts />\n')).toBe('<p>Contact:</p>');
  });

  it('gives an inline tag alone on its line its paragraph back', () => {
    expect(render('<sup>1</sup>\n')).toBe('<p><sup>1</sup></p>');
  });

  it('takes footnote labels from options', () => {
    const html = render('Text[^1].\n\n[^1]: Figures as of August.\n', { labels: { ...labels, footnotes: 'Notes', backToContent: 'Retour au texte' } });
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">Notes</h2>');
    expect(html).toContain('aria-label="Retour au texte"');
    expect(html).not.toContain('Footnotes');
  });
});

describe('links', () => {
  it('marks every http(s) link external without a site origin, and leaves anchors and mail alone', () => {
    expect(render('[a](https://www.iom.int/x) [b](#background) [c](mailto:press@iom.int)\n', { linkRewriter: (url) => `/base${url}` })).toBe(
      '<p><a href="https://www.iom.int/x" rel="noopener noreferrer">a</a> <a href="#background">b</a> <a href="mailto:press@iom.int">c</a></p>',
    );
  });

  it('rewrites links that come from definitions too', () => {
    expect(render('[report][r]\n\n[r]: /en/report\n', { linkRewriter: (url) => `/base${url}` })).toBe('<p><a href="/base/en/report">report</a></p>');
  });
});

describe('a tree that skipped the check', () => {
  // The renderer renders only what the allow-list knows, so skipping the check cannot publish code.
  const html = render(
    [
      '<script>alert(1)</script>',
      '',
      'Hello {name} <span onClick="x()" style="color:red" class="big">there</span>',
      '',
      '[click](javascript:alert(1)) ![x](data:image/svg+xml,x)',
      '',
      '<Video src="x" />',
      '',
      '<Figure src="javascript:alert(1)" alt="x" />',
      '',
      '<Callout tone="evil" {...props}>Careful.</Callout>',
      '',
    ].join('\n'),
  );

  it('leaves out everything that is not allowed', () => {
    expect(html).toBe(
      [
        '<p>Hello  <span>there</span></p>',
        '<p>click </p>',
        '<aside class="c-callout c-callout--info" role="note">',
        '<p>Careful.</p>',
        '</aside>',
      ].join('\n'),
    );
  });
});
