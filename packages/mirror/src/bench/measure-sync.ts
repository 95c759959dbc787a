/**
 * Measures what a field office downloads to go from one bundle to the next: every byte a plain web server sends
 * (headers included), by kind of file, for three sources: the new bundle on a web server, an update channel holding
 * both versions, and (with --full) a first sync of a new mirror from each. Prints figures; asserts nothing.
 *
 *   node packages/mirror/src/bench/measure-sync.ts <old-bundle> <new-bundle> [--full]
 *
 * The bundles must be signed with the same key. The mirror synced is a copy of the old bundle made of hard links (the
 * sync never writes into existing files), in a temporary folder removed at the end.
 */
import { link, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { publishToChannel } from '../channel.ts';
import { readCurrentId, readStoredVersion, TRUSTED_KEY_FILE } from '../mirror-layout.ts';
import { formatBytes } from '../progress.ts';
import { walkFolder } from '../site-files.ts';
import { syncMirror } from '../sync.ts';
import type { SyncResult } from '../sync.ts';

interface Served {
  path: string;
  status: number;
  bytes: number;
}

/** A static file server over a folder that counts what it sends. */
async function countingServer(root: string): Promise<{ url: string; served: Served[]; sent: () => number; close: () => Promise<void> }> {
  const served: Served[] = [];
  const sockets = new Set<Socket>();
  let closed = 0;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    readFile(join(root, ...path.split('/').filter((name) => name !== '' && name !== '..'))).then(
      (body) => {
        served.push({ path, status: 200, bytes: body.length });
        response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length }).end(body);
      },
      () => {
        const body = Buffer.from('Not found\n');
        served.push({ path, status: 404, bytes: body.length });
        response.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Length': body.length }).end(body);
      },
    );
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closed += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    served,
    sent: () => [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, closed),
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/** A copy of a folder made of hard links: instant, and the sync only ever adds or renames files. */
async function linkCopy(from: string, to: string): Promise<void> {
  const { files } = await walkFolder(from);
  for (const path of files) {
    const target = join(to, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await link(join(from, ...path.split('/')), target);
  }
}

function kindOf(path: string): string {
  if (/\/(LATEST|CURRENT)$/.test(path)) return 'pointer';
  if (path.includes('.manifest.')) return 'root and signature';
  if (path.includes('/parts/')) return 'parts';
  if (path.includes('/deltas/')) return 'delta pack';
  return 'files';
}

async function measure(
  label: string,
  sourceDir: string,
  mirrorDir: string,
  changedBytes: number,
  options: { publicKeyFile?: string } = {},
): Promise<void> {
  const server = await countingServer(sourceDir);
  let result: SyncResult;
  const started = performance.now();
  try {
    result = await syncMirror({ source: server.url, mirrorDir, publicKeyFile: options.publicKeyFile });
  } finally {
    await server.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const byKind = new Map<string, { requests: number; bytes: number }>();
  for (const answer of server.served) {
    const kind = answer.status === 404 ? 'not found (probes)' : kindOf(answer.path);
    const entry = byKind.get(kind) ?? { requests: 0, bytes: 0 };
    entry.requests++;
    entry.bytes += answer.bytes;
    byKind.set(kind, entry);
  }
  const sent = server.sent();
  const bodies = server.served.reduce((sum, answer) => sum + answer.bytes, 0);
  console.log(`\n${label}`);
  for (const [kind, entry] of byKind) {
    console.log(`  ${kind.padEnd(20)} ${String(entry.requests).padStart(6)} requests ${formatBytes(entry.bytes).padStart(9)}`);
  }
  console.log(`  bodies ${formatBytes(bodies)} (${bodies} B); with headers ${formatBytes(sent)} (${sent} B); ${seconds.toFixed(1)} s`);
  console.log(
    `  files: ${result.fetched.length} fetched, ${formatBytes(result.fetchedBytes)} once on disk; parts ${result.partsFetched} of ${result.partCount}`,
  );
  if (changedBytes > 0) {
    console.log(
      `  target 2 x changed + 16 kB = ${formatBytes(2 * changedBytes + 16_000)}: ${sent <= 2 * changedBytes + 16_000 ? 'met' : 'NOT met'} ` +
        `(${(sent / changedBytes).toFixed(2)} x the changed files)`,
    );
  } else {
    const total = result.manifest.totalSize;
    console.log(`  a full copy is ${formatBytes(total)}: this sync sent ${((sent / total - 1) * 100).toFixed(1)} % more`);
  }
}

async function main(argv: string[]): Promise<void> {
  const [oldArg, newArg] = argv.filter((arg) => !arg.startsWith('--'));
  if (oldArg === undefined || newArg === undefined) {
    console.error('Usage: node packages/mirror/src/bench/measure-sync.ts <old-bundle> <new-bundle> [--full]');
    process.exitCode = 2;
    return;
  }
  const oldBundle = resolve(oldArg);
  const newBundle = resolve(newArg);
  const work = await mkdtemp(join(tmpdir(), 'iom-mirror-measure-'));
  try {
    const oldVersion = await readStoredVersion(oldBundle, (await readCurrentId(oldBundle))!);
    const newVersion = await readStoredVersion(newBundle, (await readCurrentId(newBundle))!);
    const known = new Set(oldVersion.manifest.files.map((file) => file.sha256));
    const changed = newVersion.manifest.files.filter((file) => !known.has(file.sha256));
    const changedBytes = changed.reduce((sum, file) => sum + file.size, 0);
    console.log(
      `${newVersion.manifest.fileCount} files, ${formatBytes(newVersion.manifest.totalSize)}; ` +
        `${changed.length} files to fetch (${formatBytes(changedBytes)}, ${changedBytes} B); ` +
        `${newVersion.root?.parts.length ?? 0} parts, root ${formatBytes(newVersion.manifestBytes.length)}`,
    );

    await linkCopy(oldBundle, join(work, 'office-bundle'));
    await measure('From the new bundle on a plain web server', newBundle, join(work, 'office-bundle'), changedBytes);

    const channel = join(work, 'channel');
    let started = performance.now();
    await publishToChannel({ bundleDir: oldBundle, channelDir: channel });
    const firstPublish = (performance.now() - started) / 1000;
    started = performance.now();
    await publishToChannel({ bundleDir: newBundle, channelDir: channel });
    console.log(
      `\nChannel: first version published in ${firstPublish.toFixed(1)} s, the next in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await linkCopy(oldBundle, join(work, 'office-channel'));
    await measure('From the update channel on a plain web server', channel, join(work, 'office-channel'), changedBytes);

    if (argv.includes('--full')) {
      const key = join(newBundle, TRUSTED_KEY_FILE);
      await measure('First sync of a new mirror, from the bundle', newBundle, join(work, 'new-from-bundle'), 0, {
        publicKeyFile: key,
      });
      await rm(join(work, 'new-from-bundle'), { recursive: true, force: true });
      await measure('First sync of a new mirror, from the channel', channel, join(work, 'new-from-channel'), 0, {
        publicKeyFile: key,
      });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
