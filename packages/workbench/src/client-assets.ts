import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type OutputFile, type Plugin } from 'esbuild';
import { readSiteStylesheet, siteStylesheetPath } from './site-stylesheet.ts';

/** A file the server sends as it is. */
export interface Asset {
  type: string;
  body: string;
}

const clientDir = path.join(import.meta.dirname, 'client');

/*
 * acorn-jsx require()s acorn's CommonJS build while micromark's MDX extension imports its ES module: bundled as
 * they ask, the browser would get acorn twice (120 kB each, minified). Both get the ES module.
 */
const oneAcorn: Plugin = {
  name: 'one-acorn',
  setup(context) {
    context.onResolve({ filter: /^acorn$/ }, async (args) => {
      if (args.kind === 'import-statement' || args.pluginData === oneAcorn) return undefined;
      const resolved = await context.resolve('acorn', { kind: 'import-statement', resolveDir: args.resolveDir, pluginData: oneAcorn });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
    });
  },
};

/**
 * How the workbench bundles code for the browser: every import followed (CodeMirror, the safe-MDX checker, content-model's
 * `./check`), minified, for the browser platform, so that a Node built-in reached by mistake fails the build instead
 * of the page. The tests bundle their own entry points with the same options.
 */
export const browserBundleOptions = {
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  write: false,
  logLevel: 'silent',
  plugins: [oneAcorn],
} satisfies BuildOptions;

let built: Promise<Record<string, Asset>> | undefined;

/**
 * The scripts and the stylesheet the pages load, by path: `/assets/workbench.js` (the UI strings page),
 * `/assets/editor.js` (the editor: CodeMirror, the checker and the preview), `/assets/workbench.css`, and the site's
 * stylesheet for the preview (`/assets/site.css`). Bundled once per process with esbuild, from `src/client/`; nothing
 * is written to disk and nothing comes from another server.
 */
export function clientAssets(): Promise<Record<string, Asset>> {
  built ??= bundleClient();
  return built;
}

async function bundleClient(): Promise<Record<string, Asset>> {
  const result = await build({
    ...browserBundleOptions,
    entryPoints: [path.join(clientDir, 'workbench.ts'), path.join(clientDir, 'editor.ts')],
    outdir: '/assets',
    entryNames: '[name]',
  });
  const assets: Record<string, Asset> = Object.fromEntries(result.outputFiles.map((file: OutputFile) => [`/assets/${path.basename(file.path)}`, { type: 'text/javascript; charset=utf-8', body: file.text }]));
  assets['/assets/workbench.css'] = { type: 'text/css; charset=utf-8', body: readFileSync(path.join(clientDir, 'workbench.css'), 'utf8') };
  assets[siteStylesheetPath] = { type: 'text/css; charset=utf-8', body: readSiteStylesheet() };
  return assets;
}
