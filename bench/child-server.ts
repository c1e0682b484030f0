/**
 * A bench site runs as a child process of the bench: it listens on a free loopback port, tells the
 * parent the port on stdout ("PORT n"), and ends when the parent sends SIGTERM or closes its stdin.
 */
import type { Server } from 'node:http';

export function listenAsChild(server: Server): void {
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.stdout.write(`PORT ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
