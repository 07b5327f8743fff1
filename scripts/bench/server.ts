/**
 * `npm run bench:server`: personalised SMS to 10,000 and 100,000 recipients through the Send in a
 * real `n8n start`, the way a user would run it: a Webhook receives the recipient list (JSON),
 * Split Out makes one item per recipient, and a third step does the work, in one of three variants
 * on the same n8n, the same workflow shape and the same request body:
 *
 *   expression  the SMSC node sends `Order <n> is ready` to `{{ $json.phone }}` (two expressions
 *               per item, the node's defaults: batched, concurrent)
 *   floor       n8n's Edit Fields (Set) node evaluates the same two expressions per item and sends
 *               nothing: what n8n's expressions cost by themselves, the floor of the expression mode
 *   auto        the SMSC node in Map Automatically mode reads the fields `phone` and `message` of
 *               each item by name (the body carries the text), no expression per item
 *
 * n8n saves the execution with every node's items to its database.
 *
 * Reported per size and variant: time until the workflow finished (the webhook answers after the
 * last node) and until the execution is saved, the third step's own time from the saved run data,
 * n8n's peak resident memory (main process, and with its task runner), the requests the emulator
 * received, and whether every item was accepted exactly once with its own text (checked at the
 * emulator). Ratios compare variants of the same size on the same server.
 *
 * Flags (or env): --sizes 10000,100000 (BENCH_SIZES), --variants auto,expression,floor
 * (BENCH_VARIANTS, in the order run), --latency MS (BENCH_LATENCY_MS, 50), --line L
 * (SMSC_N8N_LINE), --conditions TEXT (BENCH_CONDITIONS: what else ran on the machine), --out FILE
 * (bench-results/server.json).
 */
import path from 'node:path';

import { Agent, fetch as undiciFetch } from 'undici';

import { OWNER, N8nApi } from '../../test/e2e/lib/api';
import { delay } from '../../test/e2e/lib/processes';
import { createLog } from '../../test/e2e/lib/report';
import { startStack } from '../../test/e2e/lib/stack';
import type { Stack } from '../../test/e2e/lib/stack';
import {
	buildWorkflow,
	sendSmsStep,
	smscCredential,
	splitOutStep,
	stableUuid,
} from '../../test/e2e/lib/workflows';
import type { CredentialRef, SmscStep, Workflow } from '../../test/e2e/lib/workflows';
import { flags, wholeNumber } from '../../test/support/flags';
import {
	ExecutionCounter,
	chooseLine,
	loadNote,
	machine,
	rssMb,
	rssSampler,
	writeResults,
} from './server-support';

type Variant = 'expression' | 'floor' | 'auto';
const VARIANTS: Variant[] = ['expression', 'floor', 'auto'];
function variantName(name: string): Variant {
	if (!VARIANTS.includes(name as Variant)) throw new Error(`unknown variant ${name}`);
	return name as Variant;
}

const pick = flags(process.argv.slice(2));
const settings = {
	sizes: (pick('sizes', 'BENCH_SIZES', '10000,100000') ?? '')
		.split(',')
		.map((size) => wholeNumber(size.trim(), '--sizes')),
	latency: Number(pick('latency', 'BENCH_LATENCY_MS', '50')),
	variants: (pick('variants', 'BENCH_VARIANTS', 'auto,expression,floor') ?? '')
		.split(',')
		.map((variant) => variantName(variant.trim())),
	n8n: chooseLine(pick('line', 'SMSC_N8N_LINE')),
	conditions: pick('conditions', 'BENCH_CONDITIONS', 'not stated')!,
	out: pick('out', 'BENCH_OUT', path.join('bench-results', 'server.json'))!,
};

const PASSWORD = 'bench-server-password';
const phoneOf = (i: number): string => `+7900${String(i).padStart(7, '0')}`;
const textOf = (i: number): string => `Order ${i} is ready`;

interface Run {
	items: number;
	variant: Variant;
	credential: CredentialRef;
	login: string;
	path: string;
	workflow: Workflow;
	/** the name of the step whose own time is reported */
	step: string;
}

/** The third step: the Send with expressions, its floor (the same expressions, no Send), or Map Automatically. */
function workStep(variant: Variant): SmscStep {
	const after = 'One Item per Recipient';
	if (variant === 'floor') {
		return {
			name: FLOOR_STEP,
			after,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			noCredential: true,
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{
							id: stableUuid('floor/phone'),
							name: 'phone',
							value: '={{ $json.phone }}',
							type: 'string',
						},
						{
							id: stableUuid('floor/text'),
							name: 'text',
							value: '=Order {{ $json.order }} is ready',
							type: 'string',
						},
					],
				},
				options: {},
			},
		};
	}
	const send = sendSmsStep({ after, message: '=Order {{ $json.order }} is ready' });
	if (variant === 'auto') {
		const { phones: _phones, message: _message, ...rest } = send.parameters;
		send.parameters = {
			...rest,
			dataMode: 'autoMapInputData',
			recipientField: 'phone',
			textField: 'message',
		};
	}
	return send;
}

const FLOOR_STEP = 'Read Expressions';

function run(items: number, variant: Variant): Run {
	const login = `bench-server-${variant}-${items}`;
	// n8n ids are 16 characters; each run needs its own, or one import overwrites the other
	const credential = {
		id: `BenchSrv${variant.slice(0, 2)}${items}`.padEnd(16, 'x').slice(0, 16),
		name: `SMSC bench ${variant} ${items}`,
	};
	const webhookPath = `bench-send-${variant}-${items}`;
	const name = `Bench send ${variant} ${items}`;
	const step = workStep(variant);
	const workflow = buildWorkflow({
		name,
		credential,
		trigger: {
			name: 'Recipients',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: stableUuid(`${name}/webhook`),
			noCredential: true,
			// answers when the last node has finished, with no body
			parameters: {
				httpMethod: 'POST',
				path: webhookPath,
				responseMode: 'lastNode',
				responseData: 'noData',
				options: {},
			},
		},
		steps: [splitOutStep('One Item per Recipient', 'body.recipients'), step],
	});
	return { items, variant, credential, login, path: webhookPath, workflow, step: step.name };
}

interface SavedRun {
	data?: {
		resultData: {
			runData: Record<
				string,
				Array<{ executionTime: number; data?: { main: Array<unknown[] | null> } }>
			>;
		};
	};
}

interface Result {
	items: number;
	variant: Variant;
	step: string;
	finishedMs: number;
	savedMs: number;
	stepMs?: number;
	stepOutputItems: number;
	idleRssMb: number;
	peakRssMb: number;
	peakRssWithRunnerMb: number;
	requests: number;
	maxInFlight: number;
	error9: number;
	accepted: number;
	messagesAtEmulator: number;
	missing: number;
	repeated: number;
	wrongText: number;
	/** null for the floor, which sends nothing */
	everyItemAcceptedOnce: boolean | null;
	loadAverage: number[];
}

/** Per size, the variants against each other: the step's own time, measured on the same server. */
function ratios(
	results: Result[],
): Array<{ items: number; autoOverExpression?: number; expressionOverFloor?: number }> {
	return [...new Set(results.map((r) => r.items))].map((items) => {
		const time = (variant: Variant): number | undefined =>
			results.find((r) => r.items === items && r.variant === variant)?.stepMs;
		const over = (x?: number, y?: number): number | undefined =>
			x !== undefined && y ? Number((x / y).toFixed(3)) : undefined;
		return {
			items,
			autoOverExpression: over(time('auto'), time('expression')),
			expressionOverFloor: over(time('expression'), time('floor')),
		};
	});
}

function report(results: Result[]): object {
	return {
		date: new Date().toISOString(),
		machine: { ...machine(), conditions: settings.conditions },
		settings,
		runs: results,
		ratios: ratios(results),
	};
}

async function main(): Promise<void> {
	const { file: logFile, log } = createLog('bench-server');
	process.stderr.write(
		`bench:server: n8n ${settings.n8n}, ${settings.latency} ms per SMSC request; process output in ${logFile}\n`,
	);
	const runs = settings.sizes.flatMap((items) =>
		settings.variants.map((variant) => run(items, variant)),
	);
	// Manual clock: no delivery statuses are simulated meanwhile, so the emulator only answers sends.
	const stack: Stack = await startStack({
		log,
		emulatorArgs: ['--manual-clock', '--latency', String(settings.latency)],
	});
	// A 100,000-item run can take minutes to answer; undici's fetch would give up after 5.
	const patient = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
	try {
		const { n8n, emulator } = stack;
		for (const r of runs)
			await emulator.call('createAccount', { login: r.login, psw: PASSWORD, balance: 1e9 });
		await n8n.importCredentials(
			runs.map((r) =>
				smscCredential({
					...r.credential,
					baseUrl: emulator.url,
					login: r.login,
					password: PASSWORD,
				}),
			),
		);
		await n8n.importWorkflows(runs.map((r) => r.workflow));
		for (const r of runs) await n8n.publishWorkflow(r.workflow.id);
		// a loaded machine can take minutes to boot n8n
		await n8n.start(15 * 60_000);
		const api = new N8nApi(n8n.baseUrl);
		await api.setupOwner();
		await api.createApiKey();
		const counter = new ExecutionCounter(n8n.baseUrl, OWNER);
		await counter.login();
		const pid = n8n.server!.child.pid!;

		const results: Result[] = [];
		for (const r of runs) {
			const url = `${n8n.baseUrl}/webhook/${r.path}`;
			await n8n.waitForWebhook(url);
			const body = JSON.stringify({
				// one body for every variant: the expressions read phone and order, Map Automatically phone and message
				recipients: Array.from({ length: r.items }, (_, i) => ({
					phone: phoneOf(i),
					order: i,
					message: textOf(i),
				})),
			});
			await emulator.call('resetStats');
			const idleRss = rssMb(pid);
			const memory = rssSampler(pid);
			const started = Date.now();
			const res = await undiciFetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body,
				dispatcher: patient,
			});
			const answer = await res.text();
			const finishedMs = Date.now() - started;
			if (res.status !== 200)
				throw new Error(
					`${r.items} items: webhook answered ${res.status}: ${answer.slice(0, 500)}`,
				);
			while ((await counter.count(r.workflow.id, ['success', 'error', 'crashed'])) < 1)
				await delay(100);
			const savedMs = Date.now() - started;
			const peak = memory.stop();
			if ((await counter.count(r.workflow.id, ['success'])) !== 1)
				throw new Error(`${r.items} items: the execution did not succeed`);

			const stats = await emulator.call<{
				byScript: Record<string, number>;
				messagesAccepted: number;
				error9: number;
				maxInFlightPerLogin: number;
			}>('getStats');
			const messages = await emulator.call<Array<{ phone: string; text?: string; mes?: string }>>(
				'getMessages',
				{ login: r.login },
			);
			const seen = new Map<string, number>();
			let wrongText = 0;
			for (const message of messages) {
				const phone = String(message.phone).replace(/\D/g, '');
				seen.set(phone, (seen.get(phone) ?? 0) + 1);
				const i = Number(phone.slice(4));
				if ((message.text ?? message.mes) !== textOf(i)) wrongText++;
			}
			let missing = 0;
			let repeated = 0;
			for (let i = 0; i < r.items; i++) {
				const times = seen.get(phoneOf(i).slice(1)) ?? 0;
				if (times === 0) missing++;
				if (times > 1) repeated++;
			}
			const [execution] = (await api.executions(r.workflow.id, {
				includeData: true,
			})) as SavedRun[];
			const work = execution?.data?.resultData.runData[r.step]?.[0];
			const stepOutputItems = work?.data?.main[0]?.length ?? 0;
			const sends = r.variant !== 'floor';

			const result: Result = {
				items: r.items,
				variant: r.variant,
				step: r.step,
				finishedMs,
				savedMs,
				stepMs: work?.executionTime,
				stepOutputItems,
				idleRssMb: idleRss.process,
				peakRssMb: peak.peakMb,
				peakRssWithRunnerMb: peak.peakTreeMb,
				requests: stats.byScript.send ?? 0,
				maxInFlight: stats.maxInFlightPerLogin,
				error9: stats.error9,
				accepted: stats.messagesAccepted,
				messagesAtEmulator: messages.length,
				missing,
				repeated,
				wrongText,
				// the floor sends nothing; it only has to give every item back
				everyItemAcceptedOnce: !sends
					? null
					: messages.length === r.items &&
						missing === 0 &&
						repeated === 0 &&
						wrongText === 0 &&
						stepOutputItems === r.items,
				loadAverage: machine().loadAverage,
			};
			results.push(result);
			process.stderr.write(`${r.items} items, ${r.variant}: ${JSON.stringify(result)}\n`);
			writeResults(settings.out, report(results));
		}

		writeResults(settings.out, report(results));
		const s = (ms: number | undefined): string =>
			ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;
		const accepted = (r: Result): string =>
			r.everyItemAcceptedOnce === null
				? '– (sends nothing)'
				: r.everyItemAcceptedOnce
					? `yes (${r.accepted})`
					: `NO: ${r.messagesAtEmulator} messages, ${r.missing} missing, ${r.repeated} repeated, ${r.wrongText} wrong text`;
		const lines = [
			'',
			`n8n ${settings.n8n} (\`n8n start\`, sqlite), Webhook → Split Out → step, ${settings.latency} ms per SMSC request:`,
			"| items | variant | workflow finished | execution saved | step's own time | n8n peak RSS (idle before) | with task runner | requests | max in flight | error 9 | accepted once, own text |",
			'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
			...results.map(
				(r) =>
					`| ${r.items} | ${r.variant} | ${s(r.finishedMs)} | ${s(r.savedMs)} | ${s(r.stepMs)} | ${r.peakRssMb} MB (${r.idleRssMb} MB) | ${r.peakRssWithRunnerMb} MB | ${r.requests} | ${r.maxInFlight} | ${r.error9} | ${accepted(r)} |`,
			),
			'',
			...ratios(results).map(
				(q) =>
					`${q.items} items: auto / expression, step's own time ${q.autoOverExpression?.toFixed(2) ?? '–'}; expression / floor ${q.expressionOverFloor?.toFixed(2) ?? '–'}`,
			),
			'',
			`Conditions: ${settings.conditions}; ${loadNote()}, Node ${process.version}. Compare ratios within one run. Figures in ${settings.out}`,
		];
		process.stdout.write(`${lines.join('\n')}\n`);
		if (results.some((r) => r.everyItemAcceptedOnce === false)) process.exitCode = 1;
	} finally {
		await patient.close();
		await stack.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
