/**
 * The translator workbench: `startWorkbench` serves the queue and the editor (see README.md). The pure pieces it is
 * made of are exported for tests and for a future in-browser checker.
 */
export { startWorkbench, type Workbench, type WorkbenchOptions } from './server.ts';
export { alignSections, type AlignedSection, type Alignment } from './section-alignment.ts';
export { wordDiff, type DiffPart } from './word-diff.ts';
