import { startEditor, type EditorData } from './editor-page.ts';

/**
 * The editor page's script: CodeMirror and the checker, bundled with esbuild when the server starts and served by the
 * workbench itself. A page script of its own, so that the other pages do not load them, and a module script the
 * page loads before its `load` event, so that Save never meets a page whose script is still on its way.
 */
const token = document.querySelector<HTMLMetaElement>('meta[name="workbench-token"]')?.content ?? '';
const dataElement = document.getElementById('workbench-data');
if (dataElement?.textContent) startEditor(JSON.parse(dataElement.textContent) as EditorData, token);
