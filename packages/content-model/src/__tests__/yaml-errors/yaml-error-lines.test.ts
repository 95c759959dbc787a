import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../yaml-file.ts';

// A translator who breaks a UI strings or country file is told the line, as for any other content error.
describe('a YAML data file that does not parse', () => {
  it('names the line and column of an unclosed quote in a French UI strings file', () => {
    const { issues } = parseYamlFile('content/i18n/fr.yaml', 'site.name: "OIM"\nnav.home: "Accueil\nnav.news: "Actualités"\n');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.file).toBe('content/i18n/fr.yaml');
    expect(issues[0]!.line).toBeGreaterThanOrEqual(2);
    expect(issues[0]!.column).toBeGreaterThanOrEqual(1);
  });

  it('names the line of a key written twice in an Arabic file, shifted when the YAML sits in a frontmatter block', () => {
    const text = 'site.name: "المنظمة"\nnav.home: "الرئيسية"\nnav.home: "البداية"\n';
    expect(parseYamlFile('content/i18n/ar.yaml', text).issues.map((issue) => issue.line)).toEqual([3]);
    expect(parseYamlFile('content/releases/2016/x/ar.mdx', text, 1).issues.map((issue) => issue.line)).toEqual([4]);
  });
});
