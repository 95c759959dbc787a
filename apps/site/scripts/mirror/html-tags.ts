/**
 * A small, lossless scanner over the HTML that Astro writes: it visits start tags and their attributes and leaves
 * every other byte as it was. The mirror steps rewrite a few attribute values (URLs) and must not reformat the page:
 * a parser that serializes its tree again would change quoting, entities and whitespace on every page, and a sync
 * would then move every file.
 *
 * It is enough for Astro's output (quoted attributes, no `>` inside tags other than in quoted values), not for
 * arbitrary HTML. The contents of `<script>`, `<style>` and comments are not tags and are handed over whole.
 */

/** One attribute of a start tag, as written. */
export interface HtmlAttribute {
  name: string;
  /** The value with its HTML entities decoded; undefined for an attribute written without a value. */
  value: string | undefined;
}

/** What {@link rewriteTags} hands to its callback for each start tag. */
export interface HtmlTag {
  /** Lower-case tag name. */
  name: string;
  attributes: HtmlAttribute[];
  /** The start tag exactly as written, `<a href="/en/">`. */
  startTag: string;
  /** For `<script>` and `<style>`: the text up to the closing tag. */
  body?: string | undefined;
}

/**
 * What a callback returns: `undefined` keeps the text as it was; a string replaces the text seen, which is the start
 * tag, or for `<script>`/`<style>` the whole element (start tag, body and end tag).
 */
export type TagRewrite = (tag: HtmlTag, written: string) => string | undefined;

const token =
  /<!--[\s\S]*?-->|<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1\s*>|<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const attributePattern = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/**
 * Calls `rewrite` for every start tag (and every `<script>`/`<style>` element, with its body) and splices in what it
 * returns. Comments are skipped.
 *
 * @example
 * rewriteTags('<p><a href="/en/">Home</a></p>', (tag) => (tag.name === 'a' ? '<a href="en/index.html">' : undefined))
 * // '<p><a href="en/index.html">Home</a></p>'
 */
export function rewriteTags(html: string, rewrite: TagRewrite): string {
  return html.replace(token, (whole, rawName: string | undefined, rawAttributes: string | undefined, body: string | undefined, tagName: string | undefined, tagAttributes: string | undefined) => {
    if (whole.startsWith('<!--')) return whole;
    const name = (rawName ?? tagName)!.toLowerCase();
    const attributeText = (rawName ? rawAttributes : tagAttributes) ?? '';
    const startTag = rawName ? `<${rawName}${attributeText}>` : whole;
    return rewrite({ name, attributes: parseAttributes(attributeText), startTag, body: rawName ? body : undefined }, whole) ?? whole;
  });
}

/** Parses the attribute text of a start tag (everything between the name and `>`). */
export function parseAttributes(text: string): HtmlAttribute[] {
  const attributes: HtmlAttribute[] = [];
  for (const match of text.matchAll(attributePattern)) {
    const raw = match[2];
    const unquoted = raw === undefined ? undefined : /^["']/.test(raw) ? raw.slice(1, -1) : raw;
    attributes.push({ name: match[1]!.toLowerCase(), value: unquoted === undefined ? undefined : decodeEntities(unquoted) });
  }
  return attributes;
}

/**
 * Changes attribute values inside a start tag as written, leaving everything else byte for byte. `edit` gets each
 * attribute's name and decoded value and returns the new value (written double-quoted and escaped), `null` to drop
 * the attribute, or `undefined` to keep it.
 *
 * @example
 * editAttributes('<a class="x" href="/en/">', (name, value) => (name === 'href' ? `..${value}index.html` : undefined))
 * // '<a class="x" href="../en/index.html">'
 */
export function editAttributes(startTag: string, edit: (name: string, value: string | undefined) => string | null | undefined): string {
  const open = /^<[a-zA-Z][a-zA-Z0-9-]*/.exec(startTag)?.[0] ?? '';
  const rest = startTag.slice(open.length);
  return (
    open +
    rest.replace(/(\s+)([^\s"'>/=]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g, (whole, space: string, name: string, _equals: string | undefined, raw: string | undefined) => {
      const value = raw === undefined ? undefined : decodeEntities(/^["']/.test(raw) ? raw.slice(1, -1) : raw);
      const changed = edit(name.toLowerCase(), value);
      if (changed === undefined) return whole;
      if (changed === null) return '';
      return `${space}${name}="${escapeAttribute(changed)}"`;
    })
  );
}

/** The value of an attribute, or undefined. */
export function attribute(tag: HtmlTag, name: string): string | undefined {
  return tag.attributes.find((item) => item.name === name)?.value;
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Escapes text for element content. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references found in attribute values (named ones Astro writes, and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, reference: string) => {
    if (reference[0] === '#') {
      const code = reference[1] === 'x' || reference[1] === 'X' ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[reference.toLowerCase()] ?? whole;
  });
}
