/**
 * `npm run emulator` — runs the SMSC emulator alone.
 * Flags: --port N (env PORT, default 8765 ... 0 = random), --host H (env HOST), --latency MS (env LATENCY_MS),
 * --manual-clock (env MANUAL_CLOCK=1), --no-limits (env NO_LIMITS=1), --handler URL (env HANDLER_URL,
 * the demo account's handler), --balance N (env BALANCE).
 */
import { startEmulator, DEMO_ACCOUNT } from './index';

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	if (i === -1) return undefined;
	const v = process.argv[i + 1];
	return v === undefined || v.startsWith('--') ? 'true' : v;
}

async function main(): Promise<void> {
	const port = Number(arg('port') ?? process.env.PORT ?? 8765);
	const latency = Number(arg('latency') ?? process.env.LATENCY_MS ?? 0);
	const manual = arg('manual-clock') !== undefined || process.env.MANUAL_CLOCK === '1';
	const noLimits = arg('no-limits') !== undefined || process.env.NO_LIMITS === '1';
	const handler = arg('handler') ?? process.env.HANDLER_URL;
	const balance = arg('balance') ?? process.env.BALANCE;
	const emu = await startEmulator({
		port,
		host: arg('host') ?? process.env.HOST ?? '127.0.0.1',
		latencyMs: latency,
		manualClock: manual,
		duplicateLimits: noLimits ? false : undefined,
		demoAccount: false,
		accounts: [
			{
				...DEMO_ACCOUNT,
				handlerUrl: handler || null,
				balance: balance !== undefined ? Number(balance) : DEMO_ACCOUNT.balance,
			},
		],
	});
	const lines = [
		`SMSC emulator listening on ${emu.url}`,
		`  demo account: login=${DEMO_ACCOUNT.login} psw=${DEMO_ACCOUNT.psw} apikey=${DEMO_ACCOUNT.apikey} balance=${emu.getAccount({ login: 'demo' }).balance}`,
		`  latency: ${latency} ms, clock: ${manual ? 'manual' : 'real'}, duplicate limits: ${noLimits ? 'off' : 'on'}${handler ? `, handler: ${handler}` : ''}`,
		`  try: curl '${emu.url}/sys/balance.php?login=demo&psw=demo-password&fmt=3'`,
		`  control: ${emu.url}/__emulator/  (see test/emulator/README.md)`,
	];
	console.log(lines.join('\n'));
	// a machine-readable line for scripts that start the emulator as a child process
	console.log(`EMULATOR_URL=${emu.url}`);
	const stop = async () => {
		await emu.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
