/**
 * One benchmark mode in a process of its own, so its memory high-water mark is its own. Prints
 * `BENCH_RESULT=<json>` as its last line. Run by run.ts; not meant to be started by hand.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { controlClient } from '../../test/emulator/client';
import { NO_OP } from '../../test/harness/builtin-nodes';
import { runNodeWorkflow, smscCredentials } from '../../test/support/smsc';
import { SEND_FLOOR_NODE, SendFloor } from './SendFloor.node';

export type ModeName = 'a' | 'b' | 'c' | 'd' | 'floor' | 'server' | 'auto';

/** Modes that pass their items through instead of sending them. */
export const PASS_THROUGH: ReadonlySet<ModeName> = new Set(['d', 'floor']);

export interface ModeRequest {
	mode: ModeName;
	items: number;
	emulatorUrl: string;
	concurrency: number;
	batchSize: number;
}

export interface ModeResult {
	mode: ModeName;
	items: number;
	wallMs: number;
	requests: number;
	maxInFlight: number;
	maxConnections: number;
	accepted: number;
	error9: number;
	peakRssMb: number;
	peakHeapMb: number;
	outputItems: number;
	/** every output item i is paired to input item i and carries its own phone and an id */
	pairedOneToOne: boolean;
	failedItems: number;
}

export const MODE_OPTIONS: Record<ModeName, (r: ModeRequest) => IDataObject> = {
	a: () => ({ batching: false, concurrency: 1 }),
	b: (r) => ({ batching: false, concurrency: r.concurrency }),
	c: (r) => ({ batchSize: r.batchSize, concurrency: r.concurrency }),
	d: () => ({}),
	// the floor gets (c)'s parameters exactly, so it reads and resolves the same values
	floor: (r) => ({ batchSize: r.batchSize, concurrency: r.concurrency }),
	server: () => ({}),
	// (c)'s bulk settings; only where the recipients and the text come from differs
	auto: (r) => ({ batchSize: r.batchSize, concurrency: r.concurrency }),
};

/** Where each mode's Send takes recipients and text from: expressions, or the item's fields by name. */
function mapping(mode: ModeName): IDataObject {
	if (mode === 'auto')
		return { dataMode: 'autoMapInputData', recipientField: 'phone', textField: 'text' };
	return { phones: '={{ $json.phone }}', message: '={{ $json.text }}' };
}

export function benchPhone(i: number): string {
	return `+7900${String(i).padStart(7, '0')}`;
}

function benchText(i: number): string {
	return `Order ${i} is ready`;
}

/**
 * Mode `server`: the `list` requests (c) makes (Batch Size lines each, Concurrency at once, the
 * same phones and texts), sent straight to the emulator by fetch, with no n8n and no node. It
 * measures what the stand-in for SMSC costs by itself, so (c) can be read as floor + server + the
 * Send's own share.
 */
async function sendStraight(request: ModeRequest, login: string, password: string): Promise<void> {
	const bodies: string[] = [];
	for (let start = 0; start < request.items; start += request.batchSize) {
		const lines: string[] = [];
		for (let i = start; i < Math.min(request.items, start + request.batchSize); i++)
			lines.push(`${benchPhone(i)}:${benchText(i)}`);
		bodies.push(
			new URLSearchParams({
				login,
				psw: password,
				op: '1',
				list: lines.join('\n'),
				fmt: '3',
				charset: 'utf-8',
			}).toString(),
		);
	}
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < bodies.length) {
			const body = bodies[next++];
			const response = await fetch(`${request.emulatorUrl}/sys/send.php`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body,
			});
			const answer = (await response.json()) as IDataObject;
			if (answer.error !== undefined)
				throw new Error(`the emulator refused a request: ${JSON.stringify(answer)}`);
		}
	};
	await Promise.all(Array.from({ length: Math.min(request.concurrency, bodies.length) }, worker));
}

async function main(): Promise<void> {
	const request = JSON.parse(process.argv[2]) as ModeRequest;
	const control = controlClient(request.emulatorUrl);
	const login = `bench-${request.mode}-${Date.now()}`;
	const password = 'bench-password';
	await control.createAccount({ login, psw: password, balance: 1e9 });

	const items: Array<{ json: IDataObject }> = new Array(request.items);
	for (let i = 0; i < request.items; i++)
		items[i] = { json: { phone: benchPhone(i), text: benchText(i) } };

	let peakHeap = 0;
	const sample = (): void => {
		const { heapUsed } = process.memoryUsage();
		if (heapUsed > peakHeap) peakHeap = heapUsed;
	};
	const sampler = setInterval(sample, 25);
	await control.resetStats();
	const started = performance.now();
	const passThrough = PASS_THROUGH.has(request.mode);
	let output: INodeExecutionData[] = [];
	if (request.mode === 'server') {
		await sendStraight(request, login, password);
	} else {
		const result = await runNodeWorkflow(
			request.emulatorUrl,
			request.mode === 'd'
				? {}
				: {
						resource: 'message',
						operation: 'send',
						...mapping(request.mode),
						bulkOptions: MODE_OPTIONS[request.mode](request) as INodeParameters,
					},
			{
				items,
				nodeType:
					request.mode === 'd' ? NO_OP : request.mode === 'floor' ? SEND_FLOOR_NODE : undefined,
				nodeTypes: { [SEND_FLOOR_NODE]: new SendFloor() },
				credentials: smscCredentials(request.emulatorUrl, { login, password }),
			},
		);
		if (result.error) throw result.error;
		output = result.output('SMSC');
	}
	const wallMs = performance.now() - started;
	clearInterval(sampler);
	sample();
	const stats = await control.getStats();

	// the server mode has no output; each of its items must then have been accepted
	let paired =
		request.mode === 'server'
			? stats.messagesAccepted === request.items
			: output.length === request.items;
	let failed = 0;
	for (let i = 0; i < output.length; i++) {
		const item = output[i];
		const pairedItem = item.pairedItem as { item: number } | undefined;
		if (item.json.error !== undefined) failed++;
		const phones = item.json.phones as string[] | undefined;
		const own = passThrough
			? item.json.phone === benchPhone(i)
			: phones?.[0] === benchPhone(i) && item.json.id !== undefined;
		if ((!passThrough && pairedItem?.item !== i) || !own) paired = false;
	}

	const out: ModeResult = {
		mode: request.mode,
		items: request.items,
		wallMs: Math.round(wallMs),
		requests: stats.byScript?.send ?? 0,
		maxInFlight: stats.maxInFlightPerLogin,
		maxConnections: stats.maxConnections,
		accepted: stats.messagesAccepted,
		error9: stats.error9,
		peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
		peakHeapMb: Math.round(peakHeap / 1048576),
		outputItems: output.length,
		pairedOneToOne: paired,
		failedItems: failed,
	};
	process.stdout.write(`BENCH_RESULT=${JSON.stringify(out)}\n`);
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
