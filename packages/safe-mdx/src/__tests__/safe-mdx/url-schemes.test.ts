import { describe, expect, it } from 'vitest';
import { classifyUrl, isSafeImageUrl, isSafeLinkUrl } from '../../index.ts';
import { problemsIn } from './problems-in.ts';

describe('schemes a browser would run', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['JaVa\tScript:alert(1)'],
    ['java\nscript:alert(1)'],
    [' \u0000javascript:alert(1)'],
    ['java\u200Bscript:alert(1)'],
    ['&#106;avascript:alert(1)'],
    ['&#x6A;avascript:alert(1)'],
    ['javascript&colon;alert(1)'],
    ['javascript&#58alert(1)'],
  ])('sees javascript: in %j', (url) => {
    expect(classifyUrl(url)).toEqual({ kind: 'forbidden', scheme: 'javascript' });
    expect(isSafeLinkUrl(url)).toBe(false);
  });

  it.each([
    ['data:text/html;base64,PHNjcmlwdD4=', 'data'],
    ['VBScript:msgbox', 'vbscript'],
    ['file:///C:/Users/x/report.pdf', 'file'],
    ['C:\\Users\\x\\report.pdf', 'c'],
    ['ftp://example.org/x', 'ftp'],
    ['whatsapp://send?text=x', 'whatsapp'],
  ])('rejects %j as %s:', (url, scheme) => {
    expect(classifyUrl(url)).toEqual({ kind: 'forbidden', scheme });
  });
});

describe('addresses that are fine', () => {
  it.each([
    ['https://www.iom.int/news', { kind: 'network', host: 'www.iom.int' }],
    ['HTTP://Example.ORG', { kind: 'network', host: 'example.org' }],
    ['//cdn.example.org/a.jpg', { kind: 'network', host: 'cdn.example.org' }],
    ['/\\cdn.example.org/a.jpg', { kind: 'network', host: 'cdn.example.org' }],
    ['mailto:press@iom.int', { kind: 'mailto' }],
    ['tel:+41227179111', { kind: 'tel' }],
    ['/en/news', { kind: 'relative' }],
    ['./photo.jpg', { kind: 'relative' }],
    ['../2015/x', { kind: 'relative' }],
    ['report.pdf', { kind: 'relative' }],
    ['#background', { kind: 'fragment' }],
  ])('classifies %j', (url, kind) => {
    expect(classifyUrl(url)).toEqual(kind);
    expect(isSafeLinkUrl(url)).toBe(true);
  });

  it('accepts only images stored with the site, unless remote images are allowed', () => {
    expect(isSafeImageUrl('./photo.jpg')).toBe(true);
    expect(isSafeImageUrl('/images/2016/photo.jpg')).toBe(true);
    expect(isSafeImageUrl('https://cdn.example.org/a.jpg')).toBe(false);
    expect(isSafeImageUrl('//cdn.example.org/a.jpg')).toBe(false);
    expect(isSafeImageUrl('https://cdn.example.org/a.jpg', true)).toBe(true);
    expect(isSafeImageUrl('data:image/png;base64,x', true)).toBe(false);
  });
});

describe('in content', () => {
  it('sees through a character reference in a component attribute (MDX decodes it)', () => {
    expect(problemsIn('<Figure src="&#106;avascript:alert(1)" alt="A" />\n')).toMatchObject([
      { line: 4, column: 9, field: '<Figure> src', message: 'The image address starts with "javascript:", which is not allowed: such addresses run code or hide content.' },
    ]);
  });

  it('sees through a character reference in a Markdown link (Markdown decodes it)', () => {
    expect(problemsIn('[x](&#x6A;avascript:alert(1))\n')).toMatchObject([{ line: 4, column: 1, field: 'link' }]);
  });
});
