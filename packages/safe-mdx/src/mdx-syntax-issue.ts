import type { ContentIssue } from './content-issue.ts';
import type { SourcePoint } from './frontmatter.ts';

/** The fields of the `VFileMessage` that remark-mdx throws which we read. */
interface MdxParseError {
  reason?: string;
  message?: string;
  line?: number | null;
  column?: number | null;
  place?: { line?: number; column?: number; offset?: number; start?: { line: number; column: number; offset?: number } } | null;
  ruleId?: string | null;
  source?: string | null;
}

const lessThanAsText = 'If you meant the sign < as text, write \\< instead (a backslash, then <).';

/**
 * Explains an MDX syntax error thrown by remark-mdx (a stray `<` or `{`, a tag that is never closed, a sentence that
 * starts with "import") to a translator, at the place in the original file where they have to look.
 *
 * The parser's messages are written for developers ("Unexpected character `3` (U+0033) before name"); this maps
 * each kind (by `source` and `ruleId`) to plain words. Where the parser points at the end of the file (an unclosed
 * tag or brace), the position is moved back to the `<` or `{` that started the problem.
 *
 * @example
 * mdxSyntaxIssue('content/a/en.mdx', 'I <3 you', thrown)
 * // { file: 'content/a/en.mdx', line: 1, column: 3, field: '< sign', message: 'A "<" starts a tag …', fix: 'To show … write \\< …' }
 */
export function mdxSyntaxIssue(file: string, text: string, thrown: unknown): ContentIssue {
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : { reason: String(thrown) }) as MdxParseError;
  const reason = error.reason ?? error.message ?? '';
  const source = error.source ?? '';
  const rule = error.ruleId ?? '';
  const point = errorPoint(error, reason);
  const offset = offsetOf(text, point);
  const at = (position: SourcePoint | undefined, field: string, message: string, fix: string): ContentIssue => ({
    file,
    line: (position ?? point).line,
    column: (position ?? point).column,
    field,
    message,
    fix,
  });

  if (source === 'micromark-extension-mdxjs-esm') {
    const word = /^\s*(import|export)\b/.exec(lineAt(text, offset))?.[1] ?? 'import';
    return at(
      { line: point.line, column: 1 },
      'import/export',
      `A line that starts with the word "${word}" is read as program code, and this one is not valid code.`,
      `Start the sentence differently, for example with a capital letter ("${word[0]?.toUpperCase()}${word.slice(1)}s rose …"). Content files cannot import or export code.`,
    );
  }

  if (source === 'micromark-extension-mdx-expression' || source === 'micromark-util-events-to-acorn') {
    if (rule === 'unexpected-lazy') return lazyLineIssue(at);
    const brace = rule === 'unexpected-eof' ? unclosedBraceBefore(text, offset) : text.lastIndexOf('{', offset);
    const position = brace >= 0 ? pointAt(text, brace) : undefined;
    return at(
      position,
      '{ } expression',
      rule === 'unexpected-eof'
        ? 'A "{" starts program code in this format, and it is never closed with "}".'
        : 'A "{" starts program code in this format, and what follows is not valid code. Content files cannot contain code.',
      'If you meant the brace as text, write \\{ instead (a backslash, then {), and \\} for a closing brace.',
    );
  }

  if (source === 'micromark-extension-mdx-jsx') {
    if (rule === 'unexpected-lazy') return lazyLineIssue(at);
    // The parser points at the character after `<` (or at the end of the file); the translator looks for the `<`.
    const lessThan = lessThanBefore(text, rule === 'unexpected-eof' ? text.length : offset);
    if (rule === 'unexpected-eof') {
      return at(
        lessThan,
        '< sign',
        'A "<" starts a tag here (like <Figure … />), but the tag is never finished with ">".',
        `${lessThanAsText} If you meant a tag, finish it with > (or /> when it has no content).`,
      );
    }
    const character = /Unexpected character `(.+?)` \(U\+[0-9A-F]+\)/.exec(reason)?.[1];
    const shown = character === undefined ? 'this character' : `"${character}"`;
    if (/to create a comment in MDX/.test(reason)) {
      return at(
        lessThan,
        'comment',
        'HTML comments (<!-- … -->) cannot be used in content files.',
        'Remove the comment. Notes for other translators belong in the pull request or the translation ticket, not in the file.',
      );
    }
    if (/to create a link in MDX/.test(reason)) {
      return at(
        lessThan,
        '< sign',
        'An address in angle brackets (<https://…> or <name@example.org>) is read as a tag in this format.',
        'Write links as [text](https://…) and e-mail addresses as [name@example.org](mailto:name@example.org).',
      );
    }
    if (/before name/.test(reason)) {
      return at(
        lessThan,
        '< sign',
        `A "<" starts a tag here (like <Figure … />), but it is followed by ${shown}, which cannot start a tag name.`,
        lessThanAsText,
      );
    }
    if (/attribute value/.test(reason)) {
      return at(
        undefined,
        'tag attribute',
        'An attribute of this tag has a value without quotation marks.',
        'Write attribute values in double quotes, for example alt="Two women in Tripoli" or width="1200".',
      );
    }
    return at(
      undefined,
      'tag',
      `The tag written here cannot be read: ${shown} is not expected at this place.`,
      `Tags are written <Name attribute="value" /> or <Name>…</Name>. ${lessThanAsText}`,
    );
  }

  if (source === 'mdast-util-mdx-jsx') {
    const opened = /for `<([^>]*)>` \((\d+):(\d+)-/.exec(reason);
    const name = opened?.[1] ?? '';
    const openedAt = opened ? { line: Number(opened[2]), column: Number(opened[3]) } : undefined;
    if (rule === 'end-tag-mismatch' && reason.startsWith('Unexpected closing tag')) {
      const closing = /closing tag `(<\/[^>]*>)`/.exec(reason)?.[1] ?? 'this closing tag';
      return at(
        undefined,
        `<${name}>`,
        `The closing tag ${closing} does not match the tag <${name}> opened at line ${openedAt?.line ?? '?'}, column ${openedAt?.column ?? '?'}.`,
        `Close tags in the reverse order they were opened, and check the spelling: <${name}> … </${name}>.`,
      );
    }
    if (rule === 'end-tag-mismatch') {
      const inside = /before the end of `(\w+)`/.exec(reason)?.[1];
      return at(
        openedAt,
        `<${name}>`,
        inside
          ? `The tag <${name}> is opened here but not closed before the end of the ${plainContainer(inside)} it is in.`
          : `The tag <${name}> is opened here but never closed.`,
        `Add </${name}> after its content, or end the tag with /> if it has no content: <${name} … />.`,
      );
    }
    if (rule === 'unexpected-closing-slash') {
      const closing = /^<\/\s*[^\s>]*/.exec(text.slice(Math.max(0, offset - 1)))?.[0] ?? '</…';
      return at(
        lessThanBefore(text, offset),
        'closing tag',
        `The closing tag ${closing}> has no opening tag before it.`,
        'Remove the closing tag, or add the opening tag before the content it closes.',
      );
    }
    return at(
      undefined,
      'closing tag',
      'A closing tag must be only </Name>, without attributes or a second /.',
      'Write the closing tag as </Name>, for example </PullQuote>.',
    );
  }

  return at(
    undefined,
    'text',
    `This part of the file cannot be read (${reason.replace(/ \(note:.*\)$/, '')}).`,
    'Look for a stray < or { near this place, and write \\< or \\{ if you meant the sign as text.',
  );
}

function lazyLineIssue(
  at: (position: SourcePoint | undefined, field: string, message: string, fix: string) => ContentIssue,
): ContentIssue {
  return at(
    undefined,
    'quote or list',
    'This line continues a tag or { } that started inside a quote (>) or a list item, but it is not marked as part of that quote or list.',
    'Start this line with > like the lines of the quote, or indent it like the text of the list item above.',
  );
}

function plainContainer(type: string): string {
  const names: Record<string, string> = {
    paragraph: 'paragraph',
    blockQuote: 'quote (>)',
    listItem: 'list item',
    heading: 'heading',
    tableCell: 'table cell',
  };
  return names[type] ?? type;
}

function errorPoint(error: MdxParseError, reason: string): SourcePoint {
  if (typeof error.line === 'number' && typeof error.column === 'number') return { line: error.line, column: error.column };
  const start = error.place?.start;
  if (start) return { line: start.line, column: start.column };
  if (typeof error.place?.line === 'number') return { line: error.place.line, column: error.place.column ?? 1 };
  // mdast-util-mdx-jsx's "Expected a closing tag for `<X>` (1:1-1:4)" carries its position only in the text.
  const inText = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  if (inText) return { line: Number(inText[1]), column: Number(inText[2]) };
  return { line: 1, column: 1 };
}

function offsetOf(text: string, point: SourcePoint): number {
  let offset = 0;
  for (let line = 1; line < point.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + point.column - 1);
}

function pointAt(text: string, offset: number): SourcePoint {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}

function lessThanBefore(text: string, offset: number): SourcePoint | undefined {
  const lt = text.lastIndexOf('<', offset);
  return lt >= 0 ? pointAt(text, lt) : undefined;
}

/**
 * The `{` that is still open at `end`: the parser only reports the end of the file, which for a long release is far
 * from the mistake. Escaped braces (`\{`) are text and are skipped.
 */
function unclosedBraceBefore(text: string, end: number): number {
  let depth = 0;
  let opened = -1;
  for (let i = 0; i < end; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '{') {
      if (depth === 0) opened = i;
      depth++;
    } else if (char === '}' && depth > 0) depth--;
  }
  return depth > 0 ? opened : text.lastIndexOf('{', end);
}
