/**
 * The packed package as a user gets it, run by n8n's own CLI (`n8n execute`): every resource
 * against the emulator, checked in the node output and in the requests SMSC received.
 */
import { DEMO_LOGIN } from './lib/emulator';
import type { LogEntry } from './lib/emulator';
import { executeFailed, executeSucceeded } from './lib/n8n';
import type { ExecuteResult } from './lib/n8n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exampleJson, examples } from './lib/examples';
import { repoRoot } from './lib/paths';
import {
	OPS,
	bulkSendWorkflow,
	failuresWorkflow,
	operationsWorkflow,
	stoppingWorkflow,
} from './lib/operationWorkflows';
import { createLog, report } from './lib/report';
import { EMULATOR_APIKEY_CREDENTIAL, endSuite, startStack } from './lib/stack';
import type { Stack } from './lib/stack';

// The project-level testTimeout does not reach hooks; these tests wait on real processes.
jest.setTimeout(10 * 60 * 1000);

const { file: logFile, log } = createLog('operations');
const suiteStarted = Date.now();
let stack: Stack;

interface RunData {
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main: Array<Array<{ json: Record<string, any> }>> } }>
			>;
		};
	};
}

function output(result: ExecuteResult, node: string, outputIndex = 0): Array<Record<string, any>> {
	const run = (result.data as RunData | undefined)?.data.resultData.runData[node];
	if (!run)
		throw new Error(
			`node "${node}" did not run:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
		);
	return (run[0].data?.main[outputIndex] ?? []).map((item) => item.json);
}

/** The CLI ran the workflow to success; a crash after printing it (n8n 2.41) is reported. */
function expectSucceeded(result: ExecuteResult): void {
	const { succeeded, crashed } = executeSucceeded(result);
	if (crashed)
		report(
			'operations: n8n execute ended by SIGSEGV after printing a finished, successful execution',
		);
	expect(
		succeeded ? 'succeeded' : `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}`,
	).toBe('succeeded');
}

async function run(id: string): Promise<ExecuteResult> {
	const started = Date.now();
	const result = await stack.n8n.execute(id);
	log(
		`execute ${id}: exit ${result.code} in ${Date.now() - started} ms\n${result.stdout}\n${result.stderr}`,
	);
	return result;
}

function requests(
	log: LogEntry[],
	script: string,
	match: (p: Record<string, string>) => boolean,
): LogEntry[] {
	return log.filter((entry) => entry.script === script && match(entry.params));
}

const ops = () => operationsWorkflow(stack.credential, EMULATOR_APIKEY_CREDENTIAL);

beforeAll(
	async () => {
		report(`operations: process output in ${logFile}`);
		stack = await startStack({ log });
		await stack.n8n.importWorkflows([
			ops(),
			bulkSendWorkflow(stack.credential, 'E2E bulk send'),
			failuresWorkflow(stack.credential),
			stoppingWorkflow(stack.credential),
			...examples().map(
				(e) =>
					JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', e.file), 'utf8')) as object,
			),
		]);
		report(`operations: setup ${JSON.stringify(stack.timings)}`);
	},
	15 * 60 * 1000,
);

afterAll(() => endSuite('operations', stack, suiteStarted));

describe('the packed tarball', () => {
	it('holds every node and credential package.json names, their icons, and no tests', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
			n8n: { nodes: string[]; credentials: string[] };
		};
		const files = stack.pkg.files;
		for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials])
			expect(files).toContain(entry);
		expect(files).toEqual(
			expect.arrayContaining([
				'package.json',
				'dist/icons/smsc.svg',
				'dist/nodes/Smsc/Smsc.node.json',
			]),
		);
		expect(files.filter((f) => /(^|\/)test\/|\.test\.|emulator/.test(f))).toEqual([]);
	});
});

describe('every resource through n8n execute', () => {
	let result: ExecuteResult;
	let requestLog: LogEntry[];

	beforeAll(async () => {
		result = await run(ops().id);
		requestLog = await stack.emulator.getLog({ login: DEMO_LOGIN });
	});

	it('finishes without error', () => {
		expectSucceeded(result);
		expect(result.data).toBeDefined();
	});

	it('account: get balance, with login and password and with an API key', () => {
		expect(output(result, 'Get Balance')).toEqual([
			expect.objectContaining({ balance: 1000, currency: 'RUR' }),
		]);
		expect(output(result, 'Get Balance with API Key')).toEqual([
			expect.objectContaining({ balance: 1000, currency: 'RUR' }),
		]);
		const balance = requests(requestLog, 'balance', () => true);
		expect(
			balance
				.map((entry) => [
					entry.login,
					entry.params.psw !== undefined,
					entry.params.apikey !== undefined,
				])
				.sort(),
		).toEqual([
			['demo', false, true],
			['demo', true, false],
		]);
	});

	it('message: SMS to two numbers', () => {
		const [sent] = output(result, 'Send SMS');
		expect(sent).toMatchObject({ channel: 'sms', phones: OPS.smsPhones });
		expect(typeof sent.id).toBe('number');
		const [req] = requests(requestLog, 'send', (p) => p.mes === 'Your order #1042 has shipped');
		expect(req.params.phones.split(',').map((p) => p.trim())).toEqual(OPS.smsPhones);
		expect(req.errorCode).toBeNull();
	});

	it('message: Viber, voice call and e-mail use their channel flags', () => {
		expect(output(result, 'Send Viber')).toEqual([
			expect.objectContaining({ channel: 'viber', phones: [OPS.viberPhone] }),
		]);
		expect(output(result, 'Voice Call')).toEqual([
			expect.objectContaining({ channel: 'call', phones: [OPS.callPhone] }),
		]);
		expect(output(result, 'Send E-Mail')).toEqual([
			expect.objectContaining({ channel: 'mail', phones: [OPS.email] }),
		]);
		expect(
			requests(requestLog, 'send', (p) => p.viber === '1' && p.phones === OPS.viberPhone),
		).toHaveLength(1);
		expect(requests(requestLog, 'send', (p) => p.call === '1' && p.voice === 'w')).toHaveLength(1);
		const [mail] = requests(requestLog, 'send', (p) => p.mail === '1');
		expect(mail.params).toMatchObject({
			phones: OPS.email,
			subj: 'Your order',
			sender: OPS.senderEmail,
		});
	});

	it('message: MMS with a file from a binary field goes in a multipart body the node writes', async () => {
		expect(output(result, 'Send MMS')).toEqual([
			expect.objectContaining({ channel: 'mms', phones: [OPS.mmsPhone] }),
		]);
		const [mms] = requests(requestLog, 'send', (p) => p.mms === '1');
		expect(mms.params).toMatchObject({
			phones: OPS.mmsPhone,
			subj: 'Order #1042',
			mes: 'Your order, as packed',
			'file:file0': 'order.png',
		});
		expect(mms.errorCode).toBeNull();
		const [message] = await stack.emulator.call<
			Array<{ files: Array<{ filename: string; size: number }> }>
		>('getMessages', {
			login: DEMO_LOGIN,
			phone: OPS.mmsPhone.replace('+', ''),
		});
		expect(message.files).toEqual([
			expect.objectContaining({
				filename: 'order.png',
				size: Buffer.from(OPS.mmsPicture, 'base64').length,
			}),
		]);
	});

	it('group: create, then a contact in it, then a message to the group', () => {
		const [group] = output(result, 'Create Group');
		expect(group).toMatchObject({ name: OPS.groupName, number: OPS.groupNumber });
		const [contact] = output(result, 'Create Contact');
		expect(contact).toMatchObject({ phone: OPS.contactPhone, groups: [group.id] });
		expect(
			requests(requestLog, 'phones', (p) => p.add_group === '1' && p.name === OPS.groupName),
		).toHaveLength(1);
		expect(
			requests(requestLog, 'phones', (p) => p.add === '1' && p.grp === String(group.id)),
		).toHaveLength(1);
		const [toGroup] = output(result, 'Send to Group');
		expect(toGroup.id).toEqual(expect.any(Number));
		expect(requests(requestLog, 'send', (p) => p.phones === `G${OPS.groupNumber}`)).toHaveLength(1);
	});

	it('contact: get many returns the new contact', () => {
		expect(output(result, 'Get Contacts')).toEqual([
			expect.objectContaining({ phone: OPS.contactPhone.replace('+', '') }),
		]);
	});

	it('blacklist: add', () => {
		expect(output(result, 'Block Number')).toEqual([
			expect.objectContaining({ phone: OPS.blockedPhone, type: 'all', comment: 'Asked to stop' }),
		]);
		expect(
			requests(requestLog, 'phones', (p) => p.add_black === '1' && p.type === '0'),
		).toHaveLength(1);
	});

	it('sender name: create, then get many', () => {
		expect(output(result, 'Create Sender Name')).toEqual([
			expect.objectContaining({ id: expect.any(Number) }),
		]);
		expect(output(result, 'Get Sender Names')).toEqual(
			expect.arrayContaining([expect.objectContaining({ sender: OPS.senderName })]),
		);
		expect(requests(requestLog, 'senders', (p) => p.get === '1')).toHaveLength(1);
	});

	it('call verification: request', () => {
		const [verification] = output(result, 'Request Call Verification');
		expect(verification.callTo).toMatch(/^\d{11}$/);
		expect(requests(requestLog, 'wait_call', (p) => p.phone.endsWith('79991110010'))).toHaveLength(
			1,
		);
	});
});

describe('items from a list', () => {
	it('sends one personal message per item', async () => {
		const since = await stack.emulator.lastSeq();
		const result = await run(bulkSendWorkflow(stack.credential, 'E2E bulk send').id);
		expectSucceeded(result);
		const sent = output(result, 'Send SMS');
		expect(sent.map((s) => s.phones)).toEqual(OPS.list.map((r) => [r.phone]));
		const sends = await stack.emulator.getLog({ since, script: 'send' });
		const texts = sends.flatMap((s) =>
			(s.params.list ?? `${s.params.phones}:${s.params.mes}`).split('\n'),
		);
		for (const r of OPS.list) {
			expect(texts).toEqual(
				expect.arrayContaining([
					expect.stringContaining(`Hello ${r.name}, your order has shipped`),
				]),
			);
		}
		// Items travel together in list requests rather than one request each.
		expect(sends.length).toBeLessThan(OPS.list.length);
	});
});

describe('errors', () => {
	it('with Continue On Fail, bad input and SMSC refusals become items', async () => {
		const result = await run(failuresWorkflow(stack.credential).id);
		expectSucceeded(result);
		const [bad] = output(result, 'Bad Number');
		expect(String(bad.error)).toMatch(
			/"not-a-number" is not a phone number in international format/,
		);
		const [blocked] = output(result, 'Blocked Number');
		expect(String(blocked.error)).toMatch(/cannot deliver .*\(error 8\)/);
		// On Error: Continue (using error output): the failed item is on the error output only
		expect(output(result, 'Blocked Number To Error Output', 0)).toEqual([]);
		const [routed] = output(result, 'Blocked Number To Error Output', 1);
		expect(String(routed.error)).toMatch(/cannot deliver .*\(error 8\)/);
	});

	it("without it, the run stops with a failure exit and SMSC's reason in English", async () => {
		await stack.emulator.call('setBalance', { login: DEMO_LOGIN, balance: 0 });
		try {
			const result = await run(stoppingWorkflow(stack.credential).id);
			expect(executeFailed(result)).toBe(true);
			expect(`${result.stdout}\n${result.stderr}`).toMatch(/Not enough money on the SMSC account/);
		} finally {
			await stack.emulator.call('setBalance', { login: DEMO_LOGIN, balance: 1000 });
		}
	});
});

describe('examples/*.json', () => {
	const byFile = (file: string) => examples().find((e) => e.file === file)!.workflow;

	it('are what test/e2e/lib/examples.ts generates (npx tsx scripts/demo/write-examples.ts)', () => {
		for (const example of examples()) {
			expect(fs.readFileSync(path.join(repoRoot, 'examples', example.file), 'utf8')).toBe(
				exampleJson(example),
			);
		}
	});

	it('send an SMS', async () => {
		const result = await run(byFile('send-sms.json').id);
		expectSucceeded(result);
		expect(output(result, 'Send SMS')).toEqual([
			expect.objectContaining({ id: expect.any(Number), channel: 'sms' }),
		]);
	});

	it('bulk send from a list', async () => {
		const result = await run(byFile('bulk-send-from-list.json').id);
		expectSucceeded(result);
		expect(output(result, 'Send Personal SMS').map((r) => r.phones)).toEqual([
			['+79991234501'],
			['+79991234502'],
			['+79991234503'],
		]);
		// version 2's bulk output: no per-item note
		for (const item of output(result, 'Send Personal SMS')) expect(item).not.toHaveProperty('note');
	});

	it('sync contacts into a group, then message the group once', async () => {
		const since = await stack.emulator.lastSeq();
		const result = await run(byFile('contact-sync.json').id);
		expectSucceeded(result);
		const [group] = output(result, 'Create Group');
		expect(output(result, 'Create Contact')).toEqual([
			expect.objectContaining({ phone: '+79991234511', groups: [group.id] }),
			expect.objectContaining({ phone: '+79991234512', groups: [group.id] }),
		]);
		expect(output(result, 'Message the Group')).toHaveLength(1);
		const sends = await stack.emulator.getLog({ since, script: 'send' });
		expect(sends.map((s) => s.params.phones)).toEqual([`G${group.id}`]);
		const messages = await stack.emulator.call<Array<{ phone: string }>>('getMessages', {
			login: DEMO_LOGIN,
			id: output(result, 'Message the Group')[0].id,
		});
		expect(messages.map((m) => m.phone).sort()).toEqual(['79991234511', '79991234512']);
	});

	it('verify a phone by a call', async () => {
		const result = await run(byFile('call-verification.json').id);
		expectSucceeded(result);
		const [verification] = output(result, 'Request Call Verification');
		// version 2: the number to call as "+" and digits, the deadline in Moscow time
		expect(verification).toMatchObject({
			callTo: expect.stringMatching(/^\+\d+$/),
			expiresAt: expect.stringMatching(/\+03:00$/),
		});
		const [told] = output(result, 'Tell the Subscriber Whom to Call');
		expect(told.id).toEqual(expect.any(Number));
		const [sent] = await stack.emulator.call<Array<{ text: string }>>('getMessages', {
			login: DEMO_LOGIN,
			id: told.id,
		});
		expect(sent.text).toContain(`call ${verification.callTo} within 15 minutes`);
	});
});
