import { describe, expect, it } from 'vitest';
import { formatContentIssues } from '../../content-issue.ts';
import { file, problemsIn } from './problems-in.ts';

describe('a file with several problems', () => {
  const body = `
import Map from "./map.js"

## Background

In {year}, IOM trained officers. <Statistic value="25" label="officers" />

<Figure src="https://cdn.example.org/photo.jpg" width={800} onClick="zoom()" />

<Video src="./clip.mp4" />

Read [the report](javascript:openReport()) or <a href="/x">this</a>.
`;

  it('reports every problem, in the order they appear, not just the first', () => {
    expect(problemsIn(body).map((issue) => [issue.line, issue.column, issue.field])).toEqual([
      [5, 1, 'import/export'],
      [9, 4, '{ } expression'],
      [9, 34, '<Statistic>'],
      [11, 1, '<Figure> alt'],
      [11, 9, '<Figure> src'],
      [11, 49, '<Figure> width'],
      [11, 61, '<Figure> onClick'],
      [13, 1, '<Video>'],
      [15, 6, 'link'],
      [15, 47, '<a>'],
    ]);
  });

  it('reports the same expression twice when it appears twice', () => {
    expect(problemsIn('{a} and {b}\n').map((issue) => issue.column)).toEqual([1, 9]);
  });

  it('formats them as one list a translator can work through', () => {
    const formatted = formatContentIssues(problemsIn(body));
    expect(formatted.split('\n')[0]).toBe(
      `${file}:5:1  import/export: Content files cannot import or export code (this line starts with "import").`,
    );
    expect(formatted.split('\n').at(-1)).toBe('10 problems in 1 file.');
  });
});
