import * as net from 'node:net';

/**
 * Asks the kernel for free loopback ports. All are held open until every one is known, so one call
 * never returns the same port twice; another process can still take one before we bind it, which is
 * why callers retry a start that fails with EADDRINUSE.
 */
export async function freePorts(count: number): Promise<number[]> {
	const servers: net.Server[] = [];
	try {
		for (let i = 0; i < count; i++) {
			const server = net.createServer();
			await new Promise<void>((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', () => resolve());
			});
			servers.push(server);
		}
		return servers.map((s) => (s.address() as net.AddressInfo).port);
	} finally {
		await Promise.all(servers.map((s) => new Promise((r) => s.close(() => r(undefined)))));
	}
}
