/**
 * The parts of the content model that read the file system: reading all content (`readSiteContent`), preparing MDX
 * files in this process, where the content is for the command-line tools. Node only; `@iom/content-model` itself is
 * pure.
 */
export * from './read-site-content.ts';
export * from './prepare/prepare-content.ts';
export { contentLocation } from './cli/content-location.ts';
