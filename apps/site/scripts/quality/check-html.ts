import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { listSitePages } from './site-files.ts';

/** An HTML validity problem: page, line and column, rule and message. */
export interface HtmlProblem {
  page: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

/**
 * The rules: html-validate's recommended set (valid HTML, accessibility basics, no deprecated markup), with only
 * these exceptions, each for a stated reason.
 */
export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Content is written by translators and includes typographic quotes, apostrophes and dashes on purpose.
    'no-raw-characters': ['error', { relaxed: true }],
    // Astro writes `<!DOCTYPE html>` in upper case; both are valid HTML.
    'doctype-style': 'off',
    // Astro's void elements are written without a trailing slash, ours in .astro sources with one: both valid.
    'void-style': 'off',
    // Long Arabic and French headlines legitimately make titles longer than 70 characters.
    'long-title': 'off',
  },
};

/** Validates every page of a built site; returns every problem found. */
export async function checkHtml(siteDir: string): Promise<HtmlProblem[]> {
  const validator = new HtmlValidate(htmlValidateConfig);
  const problems: HtmlProblem[] = [];
  for (const page of listSitePages(siteDir)) {
    const report = await validator.validateFile(path.join(siteDir, page));
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push({ page, line: message.line, column: message.column, rule: message.ruleId, message: message.message });
      }
    }
  }
  return problems;
}
