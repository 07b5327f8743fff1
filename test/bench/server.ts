/**
 * `npm run bench:server`: personalised SMS to 10,000 and 100,000 recipients through the Send in a
 * real `n8n start`, the way a user would run it: a Webhook receives the recipient list (JSON),
 * Split Out makes one item per recipient, and the SMSC node sends `Order <n> is ready` to each
 * (two expressions per item, the node's defaults: batched, concurrent). n8n saves the execution
 * with every node's items to its database.
 *
 * Reported per size: time until the workflow finished (the webhook answers after the last node)
 * and until the execution is saved, the Send node's own time from the saved run data, n8n's peak
 * resident memory (main process, and with its task runner), the requests the emulator received,
 * and whether every item was accepted exactly once with its own text (checked at the emulator).
 *
 * Flags (or env): --sizes 10000,100000 (BENCH_SIZES), --latency MS (BENCH_LATENCY_MS, 50),
 * --line L (SMSC_N8N_LINE), --out FILE (bench-results/server.json).
 */
import path from 'node:path';

import { Agent, fetch as undiciFetch } from 'undici';

import { OWNER, N8nApi } from '../e2e/lib/api';
import { delay } from '../e2e/lib/processes';
import { createLog } from '../e2e/lib/report';
import { startStack } from '../e2e/lib/stack';
import type { Stack } from '../e2e/lib/stack';
import {
	buildWorkflow,
	sendSmsStep,
	smscCredential,
	splitOutStep,
	stableUuid,
} from '../e2e/lib/workflows';
import type { CredentialRef, Workflow } from '../e2e/lib/workflows';
import { flags, wholeNumber } from '../support/flags';
import {
	ExecutionCounter,
	chooseLine,
	loadNote,
	machine,
	rssMb,
	rssSampler,
	writeResults,
} from './server-support';

const pick = flags(process.argv.slice(2));
const settings = {
	sizes: (pick('sizes', 'BENCH_SIZES', '10000,100000') ?? '')
		.split(',')
		.map((size) => wholeNumber(size.trim(), '--sizes')),
	latency: Number(pick('latency', 'BENCH_LATENCY_MS', '50')),
	n8n: chooseLine(pick('line', 'SMSC_N8N_LINE')),
	out: pick('out', 'BENCH_OUT', path.join('bench-results', 'server.json'))!,
};

const PASSWORD = 'bench-server-password';
const phoneOf = (i: number): string => `+7900${String(i).padStart(7, '0')}`;
const textOf = (i: number): string => `Order ${i} is ready`;

interface Run {
	items: number;
	credential: CredentialRef;
	login: string;
	path: string;
	workflow: Workflow;
}

function run(items: number): Run {
	const login = `bench-server-${items}`;
	// n8n ids are 16 characters; each size needs its own, or one import overwrites the other
	const credential = {
		id: `BenchSrvN${items}`.padEnd(16, 'x').slice(0, 16),
		name: `SMSC bench ${items}`,
	};
	const webhookPath = `bench-send-${items}`;
	const workflow = buildWorkflow({
		name: `Bench send ${items}`,
		credential,
		trigger: {
			name: 'Recipients',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: stableUuid(`Bench send ${items}/webhook`),
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
		steps: [
			splitOutStep('One Item per Recipient', 'body.recipients'),
			sendSmsStep({
				after: 'One Item per Recipient',
				message: '=Order {{ $json.order }} is ready',
			}),
		],
	});
	return { items, credential, login, path: webhookPath, workflow };
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

async function main(): Promise<void> {
	const { file: logFile, log } = createLog('bench-server');
	process.stderr.write(
		`bench:server: n8n ${settings.n8n}, ${settings.latency} ms per SMSC request; process output in ${logFile}\n`,
	);
	const runs = settings.sizes.map(run);
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

		const results = [];
		for (const r of runs) {
			const url = `${n8n.baseUrl}/webhook/${r.path}`;
			await n8n.waitForWebhook(url);
			const body = JSON.stringify({
				recipients: Array.from({ length: r.items }, (_, i) => ({ phone: phoneOf(i), order: i })),
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
			const send = execution?.data?.resultData.runData['Send SMS']?.[0];
			const sendOutputItems = send?.data?.main[0]?.length ?? 0;

			const result = {
				items: r.items,
				finishedMs,
				savedMs,
				sendNodeMs: send?.executionTime,
				sendOutputItems,
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
				everyItemAcceptedOnce:
					messages.length === r.items &&
					missing === 0 &&
					repeated === 0 &&
					wrongText === 0 &&
					sendOutputItems === r.items,
				loadAverage: machine().loadAverage,
			};
			results.push(result);
			process.stderr.write(`${r.items} items: ${JSON.stringify(result)}\n`);
			writeResults(settings.out, {
				date: new Date().toISOString(),
				machine: machine(),
				settings,
				runs: results,
			});
		}

		writeResults(settings.out, {
			date: new Date().toISOString(),
			machine: machine(),
			settings,
			runs: results,
		});
		const s = (ms: number | undefined): string =>
			ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;
		const lines = [
			'',
			`n8n ${settings.n8n} (\`n8n start\`, sqlite), Webhook → Split Out → SMSC Send, ${settings.latency} ms per SMSC request:`,
			'| items | workflow finished | execution saved | Send node | n8n peak RSS (idle before) | with task runner | requests | max in flight | error 9 | accepted once, own text |',
			'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
			...results.map(
				(r) =>
					`| ${r.items} | ${s(r.finishedMs)} | ${s(r.savedMs)} | ${s(r.sendNodeMs)} | ${r.peakRssMb} MB (${r.idleRssMb} MB) | ${r.peakRssWithRunnerMb} MB | ${r.requests} | ${r.maxInFlight} | ${r.error9} | ${r.everyItemAcceptedOnce ? `yes (${r.accepted})` : `NO: ${r.messagesAtEmulator} messages, ${r.missing} missing, ${r.repeated} repeated, ${r.wrongText} wrong text`} |`,
			),
			'',
			`${loadNote()}, Node ${process.version}; figures in ${settings.out}`,
		];
		process.stdout.write(`${lines.join('\n')}\n`);
		if (results.some((r) => !r.everyItemAcceptedOnce)) process.exitCode = 1;
	} finally {
		await patient.close();
		await stack.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
