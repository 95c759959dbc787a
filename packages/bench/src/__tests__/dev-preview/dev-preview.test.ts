import { describe, expect, it } from 'vitest';
import { releasePagePath } from '../../bench/dev-preview.ts';

describe('the release page the preview measure opens', () => {
  it('is the page of the file’s language, from its title as the site slugs it', () => {
    expect(releasePagePath('releases/2023/r000001-iom-trains/en.mdx', '---\ntitle: "IOM Trains 23,300 Officials in Majuro"\ntype: news\n---\n\nText.\n')).toBe('/en/news/iom-trains-23-300-officials-in-majuro/');
    expect(releasePagePath('releases/2016/x/fr.mdx', '---\ntitle: L’OIM et le HCR forment des partenaires\n---\n')).toBe('/fr/news/l-oim-et-le-hcr-forment-des-partenaires/');
  });

  it('follows a slug the file sets', () => {
    expect(releasePagePath('releases/2016/x/en.mdx', '---\ntitle: "A Title"\nslug: "a-chosen-slug"\n---\n')).toBe('/en/news/a-chosen-slug/');
  });
});
