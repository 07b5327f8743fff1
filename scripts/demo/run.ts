/**
 * `npm run demo`: the whole package on this machine, no SMSC account needed. Builds and packs the
 * package, starts the SMSC emulator, installs (or reuses) n8n, loads the package into it, creates
 * an owner, the credential and the example workflows, activates the triggers and starts n8n.
 * Ctrl-C stops everything. `--check` runs the same, proves an event goes round, and exits;
 * `--any-port` skips n8n's usual port 5678; `--line=1.123|2.8|2.41` (or SMSC_N8N_LINE) picks the
 * n8n line, the newest by default.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { N8nApi, OWNER, nodeOutput } from '../../test/e2e/lib/api';
import { DEMO_API_KEY, DEMO_LOGIN, DEMO_PASSWORD } from '../../test/e2e/lib/emulator';
import type { LogEntry } from '../../test/e2e/lib/emulator';
import { examples } from '../../test/e2e/lib/examples';
import { delay } from '../../test/e2e/lib/processes';
import { createLog } from '../../test/e2e/lib/report';
import { resolveLine } from '../../test/e2e/lib/lines';
import { repoRoot } from '../../test/e2e/lib/paths';
import { startStack } from '../../test/e2e/lib/stack';
import type { Stack } from '../../test/e2e/lib/stack';
import { SMSC_TRIGGER } from '../../test/e2e/lib/workflows';
import type { Workflow } from '../../test/e2e/lib/workflows';
import { webhookUrl } from '../../test/e2e/lib/triggerWorkflows';

const check = process.argv.includes('--check');
/** Tests pass this so a demo someone is running on 5678 is never disturbed. */
const anyPort = process.argv.includes('--any-port');
const line = resolveLine(
	process.argv.find((a) => a.startsWith('--line='))?.slice('--line='.length),
);
const { file: logFile, log: writeLog } = createLog('demo');
const say = (line = '') => process.stdout.write(`${line}\n`);

let installTicker: NodeJS.Timeout | undefined;

/** Progress worth showing on screen; everything else goes to the log file. */
function log(line: string): void {
	writeLog(line);
	if (/^(installing|building|waiting for another|npm run build|npm pack)/.test(line))
		say(`  … ${line}`);
	// A first install is minutes of silence otherwise.
	if (line.startsWith('installing n8n') && !installTicker) {
		const since = Date.now();
		installTicker = setInterval(
			() => say(`  … still installing n8n (${Math.round((Date.now() - since) / 1000)} s)`),
			30_000,
		);
	}
}

/** n8n's usual ports when they are free, so the URL is the familiar one. */
async function preferUsualPorts(stack: Stack): Promise<void> {
	const free = (port: number) =>
		new Promise<boolean>((resolve) => {
			const server = net.createServer();
			server.once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
		});
	if ((await free(5678)) && (await free(5679))) {
		stack.n8n.port = 5678;
		stack.n8n.brokerPort = 5679;
	}
}

function readExample(file: string): Workflow {
	return JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', file), 'utf8')) as Workflow;
}

async function main(): Promise<void> {
	const started = Date.now();
	say('SMSC for n8n: demo');
	say(`  (full log: ${logFile})`);
	say('• building the package, starting the SMSC emulator, checking n8n…');
	say(
		`  n8n ${line.n8n} (line ${line.id}) on Node ${line.node === 'host' ? process.versions.node : line.node}`,
	);
	const stack = await startStack({ line, log }).finally(() => clearInterval(installTicker));
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('\nstopping n8n and the emulator…');
		await stack.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		const { n8n, emulator } = stack;
		say(
			`  n8n ${stack.install.reused ? 'reused from' : 'installed into'} ${path.relative(repoRoot, stack.install.dir)} ` +
				`(${(stack.install.ms / 1000).toFixed(1)} s); package ${stack.pkg.name}@${stack.pkg.version} unpacked into ${n8n.userFolder}`,
		);

		// The example files as users get them, with a fresh secret. The Poll Trigger keeps its
		// one-minute schedule: n8n 2.41 refuses anything shorter.
		const token = randomBytes(18).toString('base64url');
		const list = examples().map((example) => {
			const workflow = readExample(example.file);
			for (const node of workflow.nodes)
				if (node.type === SMSC_TRIGGER) node.parameters.token = token;
			return { ...example, workflow };
		});
		say('• importing the example workflows and activating the triggers…');
		await n8n.importWorkflows(list.map((e) => e.workflow));
		for (const example of list.filter((e) => e.trigger))
			await n8n.activateWorkflow(example.workflow.id);

		if (!anyPort) await preferUsualPorts(stack);
		say('• starting n8n…');
		await n8n.start();
		const api = new N8nApi(n8n.baseUrl);
		await api.setupOwner();

		const events = list.find((e) =>
			e.workflow.nodes.some((n) => n.type === SMSC_TRIGGER),
		)!.workflow;
		const webhookId = events.nodes.find((n) => n.type === SMSC_TRIGGER)!.webhookId!;
		// the example's SMSC Trigger is at version 3: the URL ends with the token, as its Production URL does
		const handlerUrl = webhookUrl(n8n.baseUrl, { workflow: events, webhookId, token });
		await n8n.waitForWebhook(handlerUrl);
		await emulator.call('setHandlerUrl', { login: DEMO_LOGIN, url: handlerUrl });

		const url = n8n.baseUrl.replace('127.0.0.1', 'localhost');
		say('');
		say(`Ready in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
		say('');
		say(`  n8n:       ${url}`);
		say(`  login:     ${OWNER.email}  /  ${OWNER.password}`);
		say(
			`  SMSC:      an emulator at ${emulator.url} (login ${DEMO_LOGIN}, password ${DEMO_PASSWORD}, API key ${DEMO_API_KEY})`,
		);
		say(`             the credential "${stack.credential.name}" already points at it`);
		say('');
		say('What to click:');
		say(
			'  1. Open "SMSC: send an SMS" and press "Execute workflow". The SMSC node shows the message id.',
		);
		say(
			'  2. Open "SMSC: delivery statuses, incoming messages, calls" > Executions: about a second later',
		);
		say('     the emulator reports the delivery status to the SMSC Trigger at its production URL.');
		say(
			'  3. Try "bulk send from a list", "sync contacts into a group" and "verify a phone by a call".',
		);
		say('  4. Make the emulator receive an SMS; the trigger sees it at once, and');
		say('     "SMSC: auto-reply to incoming SMS" (SMSC Poll Trigger, every minute) answers it:');
		say(
			`       curl -s -X POST ${emulator.url}/__emulator/injectIncoming -H 'content-type: application/json' \\`,
		);
		say(
			`         -d '{"login":"${DEMO_LOGIN}","phone":"79991234567","mes":"Hello, is my order ready?"}'`,
		);
		say(`  5. See every request the emulator got: ${emulator.url}/__emulator/getLog?limit=20`);
		say('');
		say(`Handler URL in the emulator's account: ${handlerUrl}`);
		say('Your own n8n: import the files in examples/ and pick your SMSC credential.');
		say('');

		if (check) {
			await selfCheck(
				stack,
				api,
				list.map((e) => e.workflow),
			);
			say('demo check passed');
			await stop(0);
			return;
		}
		say('Press Ctrl-C to stop n8n and the emulator.');
		await new Promise(() => undefined);
	} catch (error) {
		say(`\ndemo failed: ${(error as Error).message}\n(see ${logFile})`);
		await stop(1);
	}
}

/**
 * What step 4 above promises: an incoming SMS reaches the webhook trigger, the poll trigger's
 * workflow answers it, and the answer's delivery status comes back to the webhook trigger.
 */
async function selfCheck(stack: Stack, api: N8nApi, workflows: Workflow[]): Promise<void> {
	const { emulator } = stack;
	await api.createApiKey();
	const phone = '79991234567';
	// The Poll Trigger starts after the newest incoming message its first poll finds (n8n polls once
	// when it activates the workflow, which can be after the SMSC Trigger's webhook is up). An SMS
	// that arrives before that poll is history to it and gets no reply: on a loaded machine n8n
	// 1.123 activated the auto-reply 1.7 s after the webhook was ready, and the check's SMS went
	// unanswered. So the SMS is sent once that first poll has reached SMSC.
	const firstPollBy = Date.now() + 120_000;
	while (
		!(await emulator.getLog({ script: 'get' })).some((entry) => entry.params.get_answers === '1')
	) {
		if (Date.now() > firstPollBy)
			throw new Error('the SMSC Poll Trigger did not poll SMSC within 2 minutes of n8n starting');
		await delay(500);
	}
	await emulator.call('injectIncoming', {
		login: DEMO_LOGIN,
		phone,
		mes: 'Hello, is my order ready?',
	});
	const events = workflows.find((w) => w.nodes.some((n) => n.type === SMSC_TRIGGER))!;
	// The auto-reply waits for the Poll Trigger's next one-minute poll; then the reply's delivery
	// status comes back. A loaded machine (n8n 2.41 took 84 s to start) needs more than two minutes.
	const deadline = Date.now() + 240_000;
	let seen: string[] = [];
	let replies: LogEntry[] = [];
	while (Date.now() < deadline) {
		const runs = await api.executions(events.id, { includeData: true });
		seen = runs
			.flatMap((run) => nodeOutput(run, 'SMSC Trigger'))
			.map((item) => `${item.event} ${item.phone}`);
		replies = (await emulator.getLog({ script: 'send' })).filter((e) =>
			(e.params.phones ?? '').includes(phone),
		);
		if (seen.length >= 2 && replies.length >= 1) break;
		await delay(1000);
	}
	await delay(2000);
	// the SMSC Trigger (version 3) writes phones as "+" and digits
	const expected = [`incomingMessage +${phone}`, `deliveryStatus +${phone}`];
	if (seen.sort().join() !== expected.sort().join()) {
		throw new Error(`SMSC Trigger saw [${seen.join(', ')}], expected [${expected.join(', ')}]`);
	}
	if (replies.length !== 1) throw new Error(`expected 1 auto-reply, found ${replies.length}`);
	say(
		`check: the SMSC Trigger saw the SMS, the auto-reply "${replies[0].params.mes}" went out, and its delivery status came back`,
	);
}

void main();
