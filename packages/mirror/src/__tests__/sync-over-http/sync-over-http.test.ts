import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { manifestRef, partRef, readCurrentId } from '../../mirror-layout.ts';
import { parseRoot } from '../../manifest.ts';
import { createMirrorRequestHandler } from '../../server.ts';
import { syncMirror } from '../../sync.ts';
import { verifyMirror } from '../../verify.ts';
import {
  changedInV2,
  failureOf,
  fileRequests,
  mirrorFromBundle,
  siteV2,
  sizeOf,
  startTestServer,
  useFixtureBundles,
  useTempDirs,
} from '../test-support/fixtures.ts';
import type { TestServer } from '../test-support/fixtures.ts';

const temp = useTempDirs();
const bundles = useFixtureBundles();
const bundlesUnderBase = useFixtureBundles({ base: '/iom/' });
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Office A serves version 2 with `mirror serve`; office B has version 1 and syncs from A over the network. */
async function twoOffices(base?: string): Promise<{ mirror: string; v1: string; v2: string; server: TestServer }> {
  const root = await temp.make();
  const { v1, v2 } = await (base === undefined ? bundles() : bundlesUnderBase());
  const mirror = await mirrorFromBundle(v1.outDir, join(root, 'mirror'));
  const server = await startTestServer(createMirrorRequestHandler({ mirrorDir: v2.outDir }));
  servers.push(server);
  return { mirror, v1: v1.versionId, v2: v2.versionId, server };
}

/** The part files requested, by name. */
function partRequests(requests: readonly string[]): string[] {
  return requests.filter((path) => path.startsWith('/_mirror/parts/')).map((path) => path.slice('/_mirror/'.length));
}

/** The parts version `id` names that version `other` does not, as `parts/<sha>.json.gz`. */
async function partsOnlyIn(id: string, other: string): Promise<string[]> {
  const { v1, v2 } = await bundles();
  const dirs: Record<string, string> = { [v1.versionId]: v1.outDir, [v2.versionId]: v2.outDir };
  const partsOf = async (version: string) =>
    parseRoot(await readFile(join(dirs[version]!, manifestRef(version)))).parts.map((part) => partRef(part.sha256));
  const theirs = new Set(await partsOf(other));
  return (await partsOf(id)).filter((name) => !theirs.has(name));
}

describe("sync over HTTP from another office's server", () => {
  it('requests the signed root, the parts of the file list it lacks, then only the changed files', async () => {
    const { mirror, v1, v2, server } = await twoOffices();
    const result = await syncMirror({ source: server.url, mirrorDir: mirror });

    expect(server.requests.slice(0, 4)).toEqual([
      '/LATEST', // is it a channel? No: a short 404
      '/_mirror/CURRENT',
      `/_mirror/versions/${v2}.manifest.sig`,
      `/_mirror/versions/${v2}.manifest.json.gz`,
    ]);
    const newParts = await partsOnlyIn(v2, v1);
    expect(newParts.length).toBeGreaterThan(0);
    expect(partRequests(server.requests).sort()).toEqual(newParts.sort());
    expect(result.partsFetched).toBe(newParts.length);
    expect(fileRequests(server.requests, v2).sort()).toEqual(changedInV2);
    expect(server.requests.length).toBe(4 + newParts.length + changedInV2.length);
    expect(result.sourceKind).toBe('http');
    expect(result.fetched).toEqual(changedInV2);
    expect(result.fetchedBytes).toBe(sizeOf(siteV2, changedInV2));
    expect(result.savedBytes).toBe(sizeOf(siteV2) - sizeOf(siteV2, changedInV2));
    expect(await readCurrentId(mirror)).toBe(v2);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('works under a sub-path (--base), with the Arabic file names percent-encoded on the way', async () => {
    const { mirror, v2, server } = await twoOffices('/iom/');
    const result = await syncMirror({ source: `${server.url}iom/`, mirrorDir: mirror, publicKeyFile: undefined });
    expect(result.fetched).toEqual(changedInV2);
    expect(fileRequests(server.requests, v2, '/iom/').sort()).toEqual(changedInV2);
    expect((await verifyMirror({ mirrorDir: mirror })).problems).toEqual([]);
  });

  it('asks for nothing more once up to date', async () => {
    const { mirror, server } = await twoOffices();
    await syncMirror({ source: server.url, mirrorDir: mirror });
    server.requests.length = 0;
    const again = await syncMirror({ source: server.url, mirrorDir: mirror });
    expect(again.status).toBe('up-to-date');
    expect(server.requests).toEqual(['/LATEST', '/_mirror/CURRENT']);
  });

  it('says plainly when the other computer cannot be reached, and changes nothing', async () => {
    const { mirror, v1, server } = await twoOffices();
    await server.close();
    servers.length = 0;
    const error = await failureOf(syncMirror({ source: server.url, mirrorDir: mirror }));
    expect(error.message).toContain(`Could not download ${server.url}LATEST`);
    expect(error.message).toContain(`The mirror was not changed: it still serves version ${v1}.`);
    expect(await readCurrentId(mirror)).toBe(v1);
  });
});
