/**
 * The two file-system chores every tool of the repository needs, written once: listing the files under a folder,
 * and replacing a file atomically. Node built-ins only.
 */
export { listFiles, listFilesSync, type ListFilesOptions } from './list-files.ts';
export { writeFileAtomic, writeFileAtomicSync } from './write-file-atomic.ts';
