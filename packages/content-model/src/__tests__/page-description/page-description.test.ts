import { describe, expect, it } from 'vitest';
import { descriptionLength, pageDescription } from '../../page-description.ts';

describe('a page with a summary', () => {
  it('describes itself with the summary, whatever the body says', () => {
    expect(pageDescription('Written by the editor.', '<p>The body.</p>')).toBe('Written by the editor.');
  });
});

describe('a page without a summary', () => {
  it('takes its opening paragraph when it is short enough, as text', () => {
    const html = '<figure class="c-figure"><img src="/media/a.jpg" alt="A"></figure><p>IOM &#x26; <strong>UNHCR</strong> met in <a href="/en/">Tunis</a>.</p><p>Second.</p>';
    expect(pageDescription(undefined, html)).toBe('IOM & UNHCR met in Tunis.');
  });

  it('cuts a long opening at a word and marks the cut', () => {
    const words = 'IOM, in coordination with the UN refugee agency (UNHCR), this week (29-31/8) organized the fourth technical workshop and coordination meeting for Libyan partners on saving lives of migrants and refugees at sea.';
    const description = pageDescription(undefined, `<p>${words}</p>`)!;
    expect(description.length).toBeLessThanOrEqual(descriptionLength);
    expect(description.endsWith('…')).toBe(true);
    expect(words.startsWith(description.slice(0, -1))).toBe(true);
    expect(words[description.length - 1]).toBe(' ');
  });

  it('cuts Arabic (right to left) at a word too', () => {
    const words = 'نظّمت المنظمة الدولية للهجرة، بالتنسيق مع وكالة الأمم المتحدة للاجئين، هذا الأسبوع ورشة العمل التقنية الرابعة واجتماع التنسيق للشركاء الليبيين بشأن إنقاذ أرواح المهاجرين واللاجئين في البحر، في تونس.';
    const description = pageDescription(undefined, `<p>${words}</p>`)!;
    expect(description.length).toBeLessThanOrEqual(descriptionLength);
    expect(words.startsWith(description.slice(0, -1))).toBe(true);
    expect(words[description.length - 1]).toBe(' ');
  });

  it('skips empty paragraphs, and has nothing to say without any', () => {
    expect(pageDescription(undefined, '<p> </p><p>Text.</p>')).toBe('Text.');
    expect(pageDescription(undefined, '<ul><li>Only a list.</li></ul>')).toBeUndefined();
  });
});
