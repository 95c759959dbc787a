/**
 * Paths of files inside a site, as they appear in a manifest: relative, `/`-separated, and storable everywhere a
 * mirror goes — Linux, Windows, and FAT32 USB sticks.
 *
 * The same rules are applied when a bundle is built (so a problem is caught at headquarters, with the file named) and
 * when a manifest is read (so a manifest can never make sync write outside its folder, signed or not).
 */

// Windows and FAT32 cannot store these characters in a name.
const FORBIDDEN_CHARACTERS = /[<>:"|?*]/;
 
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// Device names that Windows reserves in every folder, with or without an extension.
const RESERVED_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
// FAT32 long names and NTFS names are limited to 255 UTF-16 units.
const MAX_NAME_LENGTH = 255;

/**
 * Says what is wrong with a site path, or returns `undefined` when it is fine.
 *
 * @example
 * sitePathProblem('fr/index.html') // undefined
 * sitePathProblem('../etc/passwd') // 'has a "." or ".." part, which could point outside the site folder'
 * sitePathProblem('news/what?.html') // 'contains a character that Windows and FAT32 USB sticks cannot store (< > : " | ? *)'
 */
export function sitePathProblem(path: string): string | undefined {
  if (path === '') return 'is empty';
  if (path.startsWith('/')) return 'starts with "/" (paths must be relative to the site folder)';
  if (path.includes('\\')) return 'contains a backslash (use "/" between folders)';
  if (CONTROL_CHARACTERS.test(path)) return 'contains a control character';
  for (const name of path.split('/')) {
    if (name === '') return 'has an empty part ("//" or a "/" at the end)';
    if (name === '.' || name === '..') return 'has a "." or ".." part, which could point outside the site folder';
    if (FORBIDDEN_CHARACTERS.test(name)) {
      return 'contains a character that Windows and FAT32 USB sticks cannot store (< > : " | ? *)';
    }
    if (name.endsWith('.') || name.endsWith(' ')) {
      return `has a name ending with a dot or a space ("${name}"), which Windows and FAT32 silently drop`;
    }
    if (RESERVED_NAMES.test(name)) return `uses "${name}", a name Windows reserves for devices`;
    if (name.length > MAX_NAME_LENGTH) return `has a name longer than ${MAX_NAME_LENGTH} characters`;
  }
  return undefined;
}

/**
 * Orders site paths by their UTF-8 bytes.
 *
 * Not `localeCompare` (it depends on the machine's locale) and not `<` (it compares UTF-16 units, which puts some
 * characters in a different order than byte-wise tools do): the manifest must come out the same everywhere.
 *
 * @example
 * ['b', 'a/z', 'a'].sort(compareSitePaths) // ['a', 'a/z', 'b']
 */
export function compareSitePaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Finds paths that would land on the same file on a case-insensitive disk (Windows, macOS, FAT32 USB sticks), where
 * one would silently overwrite the other. Folders count too: `News/a.html` and `news/b.html` share a folder there.
 *
 * @example
 * caseCollisions(['About.html', 'about.html', 'fr/index.html']) // [['About.html', 'about.html']]
 */
export function caseCollisions(paths: readonly string[]): Array<[string, string]> {
  const seen = new Map<string, string>();
  const collisions: Array<[string, string]> = [];
  const reported = new Set<string>();
  for (const path of paths) {
    const names = path.split('/');
    // Every folder on the way, then the file itself.
    for (let end = 1; end <= names.length; end++) {
      const original = names.slice(0, end).join('/');
      const folded = original.toLowerCase();
      const first = seen.get(folded);
      if (first === undefined) {
        seen.set(folded, original);
      } else if (first !== original && !reported.has(folded)) {
        reported.add(folded);
        collisions.push([first, original]);
      }
    }
  }
  return collisions;
}
