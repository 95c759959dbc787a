/**
 * `pnpm mirror:sync …` and `pnpm mirror:verify …`: runs the mirror tool (@iom/mirror's cli) with the
 * arguments given, from the folder the command was typed in.
 *
 * Why not call the tool directly from package.json: pnpm runs scripts from the repository root, so relative paths
 * (`pnpm mirror:verify ../iom-mirror`) would be read from there; pnpm says where the user was in INIT_CWD.
 *
 *   node apps/site/scripts/mirror/mirror-tool.ts verify /media/usb/iom-mirror
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const mirrorCli = fileURLToPath(import.meta.resolve('@iom/mirror/cli'));

const child = spawn(process.execPath, [mirrorCli, ...process.argv.slice(2)], {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdio: 'inherit',
});
// Ctrl+C reaches both processes (same process group); wait for the tool to finish cleaning up, then exit as it did.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
