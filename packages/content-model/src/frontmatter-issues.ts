import type { z } from 'zod';
import type { ContentIssue } from '@iom/safe-mdx';
import { closestName } from '@iom/safe-mdx';

/** Where a frontmatter field sits in its file. */
export type FieldPosition = { line: number; column: number } | undefined;

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const key of path) {
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown } }).def;
    if (!def) return [];
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') current = def.innerType;
    if (typeof key === 'number') current = (current as { def: { element: unknown } }).def.element;
    else current = (current as { def: { shape?: Record<string, unknown> } }).def.shape?.[String(key)];
    for (let unwrap = 0; unwrap < 3; unwrap += 1) {
      const inner = (current as { def?: { type?: string; innerType?: unknown } } | undefined)?.def;
      if (inner && (inner.type === 'optional' || inner.type === 'default' || inner.type === 'nullable' || inner.type === 'pipe')) {
        current = inner.innerType ?? (inner as { in?: unknown }).in;
      }
    }
  }
  const shape = (current as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Turns a Zod validation error on a file's frontmatter into issues a translator can act on: each names the file,
 * the line of the field, the field, what is wrong and what to write instead.
 */
export function frontmatterIssues(
  file: string,
  schema: z.ZodType,
  error: z.ZodError,
  fieldPosition: (path: string) => FieldPosition,
  examples: Readonly<Record<string, string>> = {},
): ContentIssue[] {
  return error.issues.flatMap((issue): ContentIssue[] => {
    const field = issue.path.map(String).join('.');
    const parentPosition = (path: string) => {
      // A missing field has no line of its own: point at its parent, or at the top of the frontmatter.
      for (let parts = path.split('.'); parts.length > 0; parts.pop()) {
        const found = fieldPosition(parts.join('.'));
        if (found) return found;
      }
      // No line of its own and no parent: the top of the frontmatter.
      return fieldPosition('') ?? { line: 1, column: 1 };
    };
    if (issue.code === 'unrecognized_keys') {
      const candidates = knownKeys(schema, issue.path);
      return issue.keys.map((key) => {
        const fullPath = [...issue.path.map(String), key].join('.');
        const suggestion = closestName(key, candidates);
        return {
          file,
          ...parentPosition(fullPath),
          field: fullPath,
          message: `The field "${key}" is not known here.`,
          fix: suggestion
            ? `Did you mean "${suggestion}"? Rename it to "${suggestion}".`
            : `Remove it, or use one of: ${candidates.join(', ')}.`,
        };
      });
    }
    const example = examples[field] ?? examples[field.replace(/\.\d+(?=\.|$)/g, '.*')];
    const received = (issue as { input?: unknown }).input;
    if (issue.code === 'invalid_type' && received === undefined) {
      return [
        {
          file,
          ...parentPosition(field),
          field,
          message: `The field "${field}" is missing.`,
          fix: example ? `Add a line such as: ${example}` : `Add the field "${field}".`,
        },
      ];
    }
    // Our schemas carry messages written for people; Zod's own start with "Invalid" or "Too".
    const plain = issue.message.startsWith('Invalid') || issue.message.startsWith('Too') ? undefined : issue.message;
    const shown = typeof received === 'string' || typeof received === 'number' || typeof received === 'boolean' ? ` ${JSON.stringify(received)}` : '';
    return [
      {
        file,
        ...parentPosition(field),
        field,
        message: `The value${shown} of "${field}" is not valid${plain ? '' : ` (${issue.message.replace(/^Invalid input: /, '').toLowerCase()})`}.`,
        fix: plain ?? (example ? `Write it like this: ${example}` : 'Correct the value.'),
      },
    ];
  });
}
