/**
 * The transport under generated faults (docs/properties.md): each case is a sequence of answers the
 * emulator gives (dropped connections, 5xx, HTML error pages, garbage, slow answers and answers past
 * the timeout, mixed with plain successes), a host set-up (base URL up, or refusing connections with
 * the backup up, or both refusing), and reads and sends made at once, each in its own execution of
 * n8n's engine. The emulator's request log and a count at each host are the judges.
 */
import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { startEmulator } from '../../../emulator';
import type { FailureMode, LogEntry, RunningEmulator } from '../../../emulator';
import { createServer } from '../../../emulator/server';
import { describeProperty } from '../../../support/properties';
import { PROBE_NODE, runNode, smscCredentials } from '../../../support/smsc';

const LOGIN = 'prop';
const PSW = 'Prop-Secret-4411';
const TIMEOUT_MS = 250;
/** SMSC's limit is 15 in flight per login; the node keeps to 14 (nodes/shared/rules.ts). */
const MAX_IN_FLIGHT = 14;
/** The transport's read retries (nodes/shared/transport.ts): 1 try and 2 retries. */
const MAX_READ_TRIES = 3;
const QUICK_RUNS = 25;

interface Fault {
	mode: FailureMode | 'ok';
	status?: number;
	ms?: number;
	body?: string;
}

const notJson = (text: string): boolean => {
	try {
		const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
		return parsed === null || typeof parsed !== 'object';
	} catch {
		return true;
	}
};

const fault: fc.Arbitrary<Fault> = fc.oneof(
	{ arbitrary: fc.record({ mode: fc.constant('ok' as const) }), weight: 4 },
	{ arbitrary: fc.record({ mode: fc.constant('drop' as const) }), weight: 2 },
	{
		arbitrary: fc.record({
			mode: fc.constant('5xx' as const),
			status: fc.constantFrom(500, 502, 503, 504),
		}),
		weight: 2,
	},
	{
		arbitrary: fc.record({ mode: fc.constant('html' as const), status: fc.constantFrom(502, 200) }),
		weight: 1,
	},
	{
		arbitrary: fc.record({
			mode: fc.constant('garbage' as const),
			body: fc.oneof(
				fc.constantFrom('', '{"id":', 'null', '42', '"OK"', '<?xml version="1.0"?><r/>', 'OK'),
				fc.string({ unit: 'binary', maxLength: 60 }).filter(notJson),
			),
		}),
		weight: 2,
	},
	{
		arbitrary: fc.record({
			mode: fc.constant('slow' as const),
			ms: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(TIMEOUT_MS + 250)),
		}),
		weight: 2,
	},
);

type Hosts = 'up' | 'baseRefuses' | 'bothRefuse';

interface Case {
	hosts: Hosts;
	faults: Fault[];
	requests: Array<'read' | 'send'>;
	/** extra reads made at the same time, to press on the limit of requests in flight */
	crowd: number;
}

const cases: fc.Arbitrary<Case> = fc.record({
	hosts: fc.oneof(
		{ arbitrary: fc.constant<Hosts>('up'), weight: 6 },
		{ arbitrary: fc.constant<Hosts>('baseRefuses'), weight: 3 },
		{ arbitrary: fc.constant<Hosts>('bothRefuse'), weight: 1 },
	),
	faults: fc.array(fault, { maxLength: 8 }),
	requests: fc.array(fc.constantFrom<'read' | 'send'>('read', 'send'), {
		minLength: 1,
		maxLength: 6,
	}),
	crowd: fc.oneof(
		{ arbitrary: fc.constant(0), weight: 3 },
		{ arbitrary: fc.integer({ min: 10, max: 24 }), weight: 1 },
	),
});

/** Counts the SMSC requests a server receives and the most that were open at once (both hosts). */
class HostCounter {
	requests = 0;
	constructor(
		private readonly shared: { open: number; maxOpen: number; unclosed: number },
		server: http.Server,
	) {
		server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
			if (!String(req.url).startsWith('/sys/')) return;
			this.requests++;
			shared.open++;
			shared.unclosed++;
			shared.maxOpen = Math.max(shared.maxOpen, shared.open);
			// In flight until the answer is handed over, not until 'close': the client can read the
			// answer, free its slot and start the next request before this process runs 'close'
			// (seen once in 1,000 cases on a busy machine: 15 counted with 14 in flight). Idle only
			// after 'close', once the emulator has logged the request.
			let handing = true;
			const handed = () => {
				if (handing) shared.open--;
				handing = false;
			};
			const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
			res.end = ((...args: unknown[]) => {
				handed();
				return end(...args);
			}) as typeof res.end;
			res.on('close', () => {
				handed();
				shared.unclosed--;
			});
		});
	}
}

let emu: RunningEmulator;
let backup: http.Server;
let backupUrl: string;
let dead: string;
const open = { open: 0, maxOpen: 0, unclosed: 0 };
let atBase: HostCounter;
let atBackup: HostCounter;
let caseNumber = 0;

/**
 * A port that refuses connections: one nobody listens on, below the ephemeral range (Linux's
 * starts at 32768). A port from the ephemeral range, as port 0 gives, is eventually picked as the
 * source port of a connection to itself: Linux then connects the socket to itself and the request
 * "leaves" (seen after about 800 cases of 1,000).
 */
async function refusingPort(): Promise<string> {
	for (let port = 20_000 + Math.floor(Math.random() * 10_000); ; port++) {
		const server = http.createServer();
		const free = await new Promise<boolean>((resolve) => {
			server.once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => resolve(true));
		});
		if (!free) continue;
		await new Promise((resolve) => server.close(resolve));
		return `http://127.0.0.1:${port}`;
	}
}

beforeAll(async () => {
	emu = await startEmulator({
		accounts: [{ login: LOGIN, psw: PSW, balance: 1_000_000 }],
		demoAccount: false,
		latencyMs: 10,
	});
	// the backup host: a second door to the same emulator, so both hosts share one SMSC account
	backup = createServer(emu);
	await new Promise<void>((resolve) => backup.listen(0, '127.0.0.1', resolve));
	backupUrl = `http://127.0.0.1:${(backup.address() as AddressInfo).port}`;
	atBase = new HostCounter(open, emu.server);
	atBackup = new HostCounter(open, backup);
	dead = await refusingPort();
});

afterAll(async () => {
	backup.closeAllConnections();
	await new Promise((resolve) => backup.close(resolve));
	await emu.close();
});

function credentialsFor(hosts: Hosts) {
	const base = hosts === 'up' ? emu.url : dead;
	const backupBaseUrl = hosts === 'bothRefuse' ? dead : backupUrl;
	return smscCredentials(base, { login: LOGIN, password: PSW, backupBaseUrl });
}

async function untilIdle(): Promise<void> {
	const end = Date.now() + 5_000;
	while ((emu.stats.inFlight > 0 || open.unclosed > 0) && Date.now() < end)
		await new Promise((resolve) => setTimeout(resolve, 10));
}

const tagOf = (entry: LogEntry): string => entry.params.mes ?? entry.params.tag ?? '';
/** A request SMSC refused for concurrency before doing anything (error 9): safe to repeat. */
const refusedBusy = (entry: LogEntry): boolean =>
	entry.errorCode === 9 && entry.response.includes('concurrent');

async function runCase(c: Case): Promise<void> {
	const n = ++caseNumber;
	emu.clearFailures();
	emu.resetLimits();
	emu.resetLog();
	open.maxOpen = open.open;
	const baseBefore = atBase.requests;
	const backupBefore = atBackup.requests;
	for (const f of c.faults) {
		if (f.mode === 'ok') emu.failNext({ mode: 'slow', ms: 0 });
		else emu.failNext({ mode: f.mode, status: f.status, ms: f.ms, body: f.body });
	}
	const requests = [...c.requests, ...Array.from({ length: c.crowd }, () => 'read' as const)].map(
		(kind, i) => ({
			kind,
			tag: `case ${n} request ${i}`,
			params:
				kind === 'send'
					? { phones: `7999${String(n * 10 + i).padStart(7, '0')}`, mes: `case ${n} request ${i}` }
					: { cur: 1, tag: `case ${n} request ${i}` },
		}),
	);
	const credentials = credentialsFor(c.hosts);
	const runs = await Promise.all(
		requests.map((request) =>
			runNode(
				emu.url,
				{
					script: request.kind === 'send' ? 'send' : 'balance',
					params: JSON.stringify(request.params),
					readOnly: request.kind === 'read',
					timeoutMs: TIMEOUT_MS,
				},
				{ nodeType: PROBE_NODE, credentials, continueOnFail: true },
			),
		),
	);
	await untilIdle();
	const log = emu.getLog({ limit: 100_000 });

	expect(open.maxOpen).toBeLessThanOrEqual(MAX_IN_FLIGHT);
	if (c.hosts === 'up') expect(atBackup.requests - backupBefore).toBe(0);
	else expect(atBase.requests - baseBefore).toBe(0);
	if (c.hosts === 'bothRefuse') expect(log).toEqual([]);

	requests.forEach((request, i) => {
		const { result, json } = runs[i];
		expect(result.error).toBeUndefined();
		expect(json).toHaveLength(1);
		const [item] = json;
		const tries = log.filter((entry) => tagOf(entry) === request.tag && !refusedBusy(entry));
		const failed = item.error !== undefined;
		if (request.kind === 'send') {
			// a send that may have reached SMSC is never repeated
			expect(tries.length).toBeLessThanOrEqual(1);
			if (!failed) {
				expect(tries).toHaveLength(1);
				expect(item.answer).toMatchObject({ cnt: 1 });
			} else if (item.maybeSent === false) {
				// said not to have left: SMSC never saw it, and the error says so
				expect(tries).toHaveLength(0);
				expect(item.error).toMatch(/Nothing was changed at SMSC/);
			} else if (tries.length === 0) {
				// SMSC never logged it, yet it may have left: the node gave up waiting (a slow answer,
				// or a busy machine) before SMSC read it, which it cannot tell from a lost answer
				expect(item.maybeSent).toBe(true);
				expect(item.error).toMatch(/may have reached SMSC/);
			} else if (tries[0].errorCode === null) {
				// it left and no SMSC answer says what became of it: flagged, and said so
				expect(item.maybeSent).toBe(true);
				expect(item.error).toMatch(/may have reached SMSC/);
			}
		} else {
			expect(item.maybeSent ?? false).toBe(false);
			expect(tries.length).toBeLessThanOrEqual(MAX_READ_TRIES);
			if (!failed) expect(item.answer).toMatchObject({ balance: expect.any(String) });
			else if (
				tries.length > 0 &&
				/Could not get an answer|answered HTTP 5/.test(item.error as string)
			)
				// a read that failed for a fault worth retrying used all its tries
				expect(tries).toHaveLength(MAX_READ_TRIES);
		}
	});
}

describeProperty(
	'transport under generated faults',
	'for any mix of dropped, refused, 5xx, garbage, slow and good answers, a send that may have reached SMSC is sent once and flagged maybeSent, a read is tried at most 3 times, the backup host gets a request only when the base URL refused it, and no more than 14 requests are in flight under one login',
	{
		cases,
		check: runCase,
		quick: QUICK_RUNS,
		perCaseMs: 1_500,
	},
);
