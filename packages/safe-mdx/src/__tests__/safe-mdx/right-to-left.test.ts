import { describe, expect, it } from 'vitest';
import { checkSafeMdx, extractHeadings, parseContentFile, renderSafeMdx } from '../../index.ts';

const file = 'content/releases/2016/iom-unhcr-train-libyan-partners/ar.mdx';
const labels = { source: 'المصدر:', footnotes: 'الحواشي', backToContent: 'العودة إلى النص' };

const arabicRelease = `---
title: المنظمة الدولية للهجرة تدرب شركاء ليبيين
---

## خلفية

اختتمت المنظمة الدولية للهجرة دورة تدريبية في تونس لـ<bdi>٢٥</bdi> مسؤولاً ليبياً.

<PullQuote cite="عثمان البلبيسي، رئيس بعثة المنظمة في ليبيا">
بناء قدرات السلطات الليبية جزء أساسي من استجابتنا.
</PullQuote>

<Statistic value="٣٬١٦٧" label="شخصاً لقوا حتفهم أو فُقدوا في البحر المتوسط" source="مشروع المهاجرين المفقودين" />
`;

describe('an Arabic release', () => {
  const parsed = parseContentFile(file, arabicRelease);

  it('passes the check with components and an isolated number', () => {
    expect(parsed.issues).toEqual([]);
    expect(checkSafeMdx(file, parsed.tree)).toEqual([]);
  });

  it('renders Arabic text, attributes and labels unchanged, with an Arabic heading id', () => {
    expect(renderSafeMdx(parsed.tree, { labels })).toBe(
      [
        '<h2 id="خلفية">خلفية</h2>',
        '<p>اختتمت المنظمة الدولية للهجرة دورة تدريبية في تونس لـ<bdi>٢٥</bdi> مسؤولاً ليبياً.</p>',
        '<figure class="c-pull-quote"><blockquote class="c-pull-quote__quote">',
        '<p>بناء قدرات السلطات الليبية جزء أساسي من استجابتنا.</p>',
        '</blockquote><figcaption class="c-pull-quote__cite">عثمان البلبيسي، رئيس بعثة المنظمة في ليبيا</figcaption></figure>',
        '<p class="c-statistic"><strong class="c-statistic__value">٣٬١٦٧</strong> <span class="c-statistic__label">شخصاً لقوا حتفهم أو فُقدوا في البحر المتوسط</span> <span class="c-statistic__source">المصدر: مشروع المهاجرين المفقودين</span></p>',
      ].join('\n'),
    );
    expect(extractHeadings(parsed.tree)).toEqual([{ depth: 2, text: 'خلفية', id: 'خلفية' }]);
  });

  it('reports a forbidden expression at its line and column, counted in characters of the Arabic line', () => {
    const text = `${arabicRelease}\nفي عام {2016} وصل أكثر من ١٠٠ ألف مهاجر إلى إيطاليا.\n`;
    expect(checkSafeMdx(file, parseContentFile(file, text).tree)).toEqual([
      {
        file,
        // "في عام " is seven characters: the brace is the eighth, whatever the display direction.
        line: 15,
        column: 8,
        field: '{ } expression',
        message: 'Text in curly braces { } is program code in this format, and content files cannot contain code.',
        fix: 'Write the text without the braces. To show a brace as text, write \\{ and \\}.',
      },
    ]);
  });

  it('sees through an invisible right-to-left mark hidden in a scheme', () => {
    const text = `${arabicRelease}\n[التقرير](java\u200Fscript:alert(1))\n`;
    expect(checkSafeMdx(file, parseContentFile(file, text).tree)).toMatchObject([
      { line: 15, column: 1, field: 'link', message: 'The link address starts with "javascript:", which is not allowed: such addresses run code or hide content.' },
    ]);
  });

  it('accepts dir and lang on inline tags for mixed-direction text', () => {
    const text = `${arabicRelease}\nقال <span lang="en" dir="ltr">IOM Director General</span> إن …\n`;
    expect(checkSafeMdx(file, parseContentFile(file, text).tree)).toEqual([]);
  });
});
