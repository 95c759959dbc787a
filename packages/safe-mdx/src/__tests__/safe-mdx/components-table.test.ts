import { describe, expect, it } from 'vitest';
import { allowedHtmlTags, siteComponents } from '../../index.ts';
import type { ElementSpec } from '../../index.ts';
import { problemsIn } from './problems-in.ts';

// Error messages quote these examples as "write this instead": an example that fails the check would send a
// translator in circles.
describe('the examples in the allow-list', () => {
  it.each(Object.entries(siteComponents))('<%s>: its example passes the check', (_name, spec) => {
    expect(problemsIn(`${spec.example}\n`)).toEqual([]);
  });

  it.each(Object.entries(allowedHtmlTags))('<%s>: its example passes the check', (_name, spec) => {
    expect(problemsIn(`Text ${spec.example} text.\n`)).toEqual([]);
  });

  it.each(Object.entries(siteComponents as Record<string, ElementSpec>))('<%s>: all its attribute examples together pass the check', (name, spec) => {
    // `decorative` goes with an empty alt (its example says so); the decorative case is covered in rejected-constructs.
    const attributes = Object.entries(spec.attributes)
      .filter(([attribute]) => attribute !== 'decorative')
      .map(([, attribute]) => attribute.example)
      .join(' ');
    const body = spec.children === 'required' ? `<${name} ${attributes}>Words.</${name}>` : `<${name} ${attributes} />`;
    expect(problemsIn(`${body}\n`)).toEqual([]);
  });
});
