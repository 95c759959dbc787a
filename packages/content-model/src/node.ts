/**
 * The parts of the content model that read the file system: reading all content (`readSiteContent`), preparing MDX
 * files in this process, where the content is for the command-line tools, the translation tools' file work. Node
 * only; `@iom/content-model` itself is pure.
 */
export * from './read-site-content.ts';
export * from './prepare/prepare-content.ts';
export { contentLocation, resolveTranslatableFolder, type TranslatableFolder } from './cli/content-location.ts';
export { newTranslationFile } from './translation/new-translation-file.ts';
export { sourceChangeSince, type SourceChange } from './translation/source-history.ts';
