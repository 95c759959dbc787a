/**
 * relocate.ts and check-relocatable.ts on small pages: which URLs become relative, what stays as it is, and what the
 * check reports.
 */
import { describe, expect, it } from 'vitest';
import { editAttributes } from '../../scripts/mirror/html-tags.ts';
import { urlProblem } from '../../scripts/mirror/check-relocatable.ts';
import { relativeUrl, relocateCss, relocateHtml, relocateJsonConfig, type RelocateContext } from '../../scripts/mirror/relocate.ts';

const files = new Set([
  'index.html',
  'en/index.html',
  'en/news/index.html',
  'en/news/x/index.html',
  'en/news/feed.xml',
  'en/search/index.html',
  'ar/news/تدريب-الشركاء/index.html',
  '_astro/site.css',
  '_astro/photo_400.webp',
  '_astro/photo_800.webp',
  'favicon.svg',
]);
const isFile = (sitePath: string) => files.has(sitePath);
const at = (from: string, base = '/'): RelocateContext => ({ from, base, isFile });

describe('root-relative URLs become relative and name a file', () => {
  it('climbs once per folder and adds index.html to folders', () => {
    expect(relativeUrl('/en/news/', at('en/news/x/index.html'))).toBe('../../../en/news/index.html');
    expect(relativeUrl('/', at('en/news/x/index.html'))).toBe('../../../index.html');
    expect(relativeUrl('/en/', at('index.html'))).toBe('./en/index.html');
    expect(relativeUrl('/en/news', at('index.html'))).toBe('./en/news/index.html');
  });

  it('keeps files, queries and fragments', () => {
    expect(relativeUrl('/en/news/feed.xml', at('en/index.html'))).toBe('../en/news/feed.xml');
    expect(relativeUrl('/en/search/?q=eau#results', at('en/index.html'))).toBe('../en/search/index.html?q=eau#results');
  });

  it('handles right-to-left paths written raw or percent-encoded, keeping how they were written', () => {
    expect(relativeUrl('/ar/news/تدريب-الشركاء/', at('en/news/x/index.html'))).toBe('../../../ar/news/تدريب-الشركاء/index.html');
    const encoded = `/ar/news/${encodeURIComponent('تدريب-الشركاء')}`;
    expect(relativeUrl(encoded, at('ar/index.html'))).toBe(`..${encoded}/index.html`);
  });

  it('strips the base the site was built for, and leaves URLs outside it', () => {
    expect(relativeUrl('/iom/en/', at('en/news/index.html', '/iom/'))).toBe('../../en/index.html');
    expect(relativeUrl('/iom/', at('en/index.html', '/iom/'))).toBe('../index.html');
    expect(relativeUrl('/other/', at('en/index.html', '/iom/'))).toBeUndefined();
  });

  it('leaves other sites, other schemes, relative URLs and fragments alone', () => {
    for (const url of ['https://www.iom.int/en/', '//cdn.example.org/a.js', 'mailto:a@iom.int', 'tel:+216', '../x/', '#main', '']) {
      expect(relativeUrl(url, at('en/index.html'))).toBeUndefined();
    }
  });
});

describe('pages', () => {
  it('rewrites links, assets, forms and srcset, and nothing else', () => {
    const page =
      '<html lang="en"><head><link rel="canonical" href="https://www.iom.int/en/news/x/"><link rel="icon" href="/favicon.svg">' +
      '<link rel="stylesheet" href="/_astro/site.css"><meta property="og:image" content="https://www.iom.int/og.png"></head><body>' +
      '<a class="brand" href="/en/">IOM</a><form action="/en/search/" method="get"><input name="q" aria-keyshortcuts="/"></form>' +
      '<img src="/_astro/photo_800.webp" srcset="/_astro/photo_400.webp 400w, /_astro/photo_800.webp 800w" alt="">' +
      '<a href="https://example.org/report.pdf">Report</a><a href="#top">Top</a></body></html>';
    expect(relocateHtml(page, at('en/news/x/index.html'))).toBe(
      '<html lang="en"><head><link rel="canonical" href="https://www.iom.int/en/news/x/"><link rel="icon" href="../../../favicon.svg">' +
        '<link rel="stylesheet" href="../../../_astro/site.css"><meta property="og:image" content="https://www.iom.int/og.png"></head><body>' +
        '<a class="brand" href="../../../en/index.html">IOM</a><form action="../../../en/search/index.html" method="get"><input name="q" aria-keyshortcuts="/"></form>' +
        '<img src="../../../_astro/photo_800.webp" srcset="../../../_astro/photo_400.webp 400w, ../../../_astro/photo_800.webp 800w" alt="">' +
        '<a href="https://example.org/report.pdf">Report</a><a href="#top">Top</a></body></html>',
    );
  });

  it('leaves JSON-LD and text that merely looks like a URL untouched', () => {
    const page = '<script type="application/ld+json">{"url":"/en/news/x/"}</script><p>See /en/news/ for more</p><!-- <a href="/en/"> -->';
    expect(relocateHtml(page, at('en/index.html'))).toBe(page);
  });

  it('turns the search configuration’s paths into relative prefixes, without index.html', () => {
    const config = '{"lang":"ar","bundlePath":"/pagefind/","siteBase":"/","languages":[{"code":"en","searchPath":"/en/search/"}],"strings":{"key":"/"}}';
    expect(JSON.parse(relocateJsonConfig(config, at('ar/search/index.html'))!)).toEqual({
      lang: 'ar',
      bundlePath: '../../pagefind/',
      siteBase: '../../',
      languages: [{ code: 'en', searchPath: '../../en/search/' }],
      strings: { key: '/' },
    });
    const page = `<script type="application/json" id="search-config">${config}</script>`;
    expect(relocateHtml(page, at('ar/search/index.html'))).toContain('"bundlePath":"../../pagefind/"');
  });

  it('rewrites a meta refresh', () => {
    expect(relocateHtml('<meta http-equiv="refresh" content="0; url=/en/">', at('index.html'))).toBe('<meta http-equiv="refresh" content="0; url=./en/index.html">');
  });

  it('changes only the values it rewrites, byte for byte elsewhere', () => {
    const tag = `<a  data-x='1' href="/en/" hidden>`;
    expect(editAttributes(tag, (name, value) => (name === 'href' ? `.${value}index.html` : undefined))).toBe(`<a  data-x='1' href="./en/index.html" hidden>`);
    const unchanged = '<p class="a&amp;b">x &amp; y</p>';
    expect(relocateHtml(unchanged, at('en/index.html'))).toBe(unchanged);
  });
});

describe('stylesheets', () => {
  it('rewrites url() and @import relative to the stylesheet', () => {
    expect(relocateCss('@import "/_astro/base.css";a{background:url(/_astro/photo_400.webp)}b{background:url("data:image/png;base64,AA")}', at('_astro/site.css'))).toBe(
      '@import "../_astro/base.css";a{background:url(../_astro/photo_400.webp)}b{background:url("data:image/png;base64,AA")}',
    );
  });
});

describe('the check for pages opened from disk', () => {
  it('accepts relative links to files, external links and fragments', () => {
    expect(urlProblem('../../../en/news/index.html', 'en/news/x/index.html', isFile)).toBeUndefined();
    expect(urlProblem('../index.html', 'en/news/x/index.html', isFile)).toBeUndefined();
    expect(urlProblem('../../../ar/news/تدريب-الشركاء/index.html', 'en/news/x/index.html', isFile)).toBeUndefined();
    expect(urlProblem('https://example.org/', 'en/index.html', isFile)).toBeUndefined();
    expect(urlProblem('#main', 'en/index.html', isFile)).toBeUndefined();
  });

  it('reports root-relative URLs, folders and missing files, saying why', () => {
    expect(urlProblem('/en/', 'en/index.html', isFile)).toMatch(/root-relative/);
    expect(urlProblem('../en/news/', 'en/index.html', isFile)).toMatch(/names a folder/);
    expect(urlProblem('../en/news', 'en/index.html', isFile)).toMatch(/names a folder/);
    expect(urlProblem('../fr/index.html', 'en/index.html', isFile)).toMatch(/no such file/);
  });
});
