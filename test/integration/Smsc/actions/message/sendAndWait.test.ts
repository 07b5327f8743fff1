import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { SmscApi } from '../../../../../credentials/SmscApi.credentials';
import { Smsc } from '../../../../../nodes/Smsc/Smsc.node';
import { useEmulator } from '../../../../support/emulator';
import { NO_OP, startWaitingServer } from '../../../../harness';
import type { WaitingServer } from '../../../../harness';
import { PASSWORD, messageAccount, requests, runMessage } from '../../../../support/accounts';
import { postForm } from '../../../../support/http';
import { findSecrets } from '../../../../support/secrets';
import { ITEMS_NODE, SMSC_NODE, smscCredentials } from '../../../../support/smsc';

const emu = useEmulator();

const NODE_ID = 'ask-node-1';
const servers: WaitingServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => await server.close()));
});

/** `Items → Ask (SMSC, Send and Wait) → After (No Op)` as `login`, with the answer links served by the harness. */
async function ask(login: string, parameters: IDataObject, items: IDataObject[] = [{ order: 7 }]) {
	const node: INode = {
		id: NODE_ID,
		name: 'Ask',
		type: SMSC_NODE,
		typeVersion: 1,
		position: [200, 0],
		parameters: { resource: 'message', operation: 'sendAndWait', ...parameters } as INodeParameters,
		credentials: { smscApi: { id: '1', name: 'SMSC test' } },
	};
	const server = await startWaitingServer({
		workflow: {
			nodes: [
				ITEMS_NODE,
				node,
				{
					id: 'after',
					name: 'After',
					type: NO_OP,
					typeVersion: 1,
					position: [400, 0],
					parameters: {},
				},
			],
			connections: {
				Items: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] },
				Ask: { main: [[{ node: 'After', type: 'main', index: 0 }]] },
			},
		},
		nodeTypes: { [SMSC_NODE]: new Smsc() },
		credentialTypes: [new SmscApi()],
		credentials: smscCredentials(emu.url, { login, password: PASSWORD }),
		inputItems: items,
	});
	servers.push(server);
	const first = await server.start();
	return { server, first };
}

/** The link in the SMS the emulator received. */
function linkIn(text: string): string {
	const match = /(https?:\/\/\S+)$/.exec(text);
	if (!match) throw new Error(`no link at the end of the SMS: ${text}`);
	return match[1];
}

function smsTo(login: string) {
	const messages = emu.getMessages({ login });
	expect(messages).toHaveLength(1);
	return messages[0];
}

describe('Message: Send and Wait for Response', () => {
	it('sends the question with one signed link, waits, shows the page on GET and goes on with the POSTed approval', async () => {
		const login = messageAccount(emu);
		const { server, first } = await ask(login, {
			to: '+7 (999) 123-45-67',
			message: '=Refund order {{ $json.order }}?',
			responseType: 'approval',
			approvalOptions: {
				values: { approvalType: 'double', approveLabel: 'Yes, refund', disapproveLabel: 'No' },
			},
		});

		expect(first.error).toBeUndefined();
		expect(first.status).toBe('waiting');
		expect(first.run?.waitTill?.toISOString()).toBe('3000-01-01T00:00:00.000Z');
		const sms = smsTo(login);
		const link = linkIn(sms.text);
		expect(sms.text).toBe(`Refund order 7?\n${link}`);
		expect(link).toMatch(
			new RegExp(`^${server.baseUrl}/${server.executionId}/${NODE_ID}\\?signature=[0-9a-f]{64}$`),
		);
		// the id SMSC files the question under is the node's own, made from the execution and node ids
		const id = 'n8n.harnesswaitingexecution.asknode1';
		expect(sms.id).toBe(id);
		expect(requests(emu, login)).toEqual([{ phones: '+79991234567', mes: sms.text, id }]);
		expect(first.json('Ask')).toEqual([
			{
				messageId: sms.id,
				phone: '+79991234567',
				question: 'Refund order 7?',
				responseType: 'approval',
				approvalType: 'double',
				approveLabel: 'Yes, refund',
				declineLabel: 'No',
				parts: 2,
			},
		]);
		expect(first.executionOrder).toEqual(['Items', 'Ask']);

		// Opening the link (or a messenger's preview) only shows the page.
		const page = await fetch(link);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
		const html = await page.text();
		expect(html).toContain('Refund order 7?');
		expect(html).toContain('name="answer" value="approve">Yes, refund</button>');
		expect(html).toContain('name="answer" value="decline">No</button>');
		expect(html).toContain('<meta name="viewport"');
		expect(html).not.toMatch(/<script|src=|href=|signature/);
		expect(server.latest()?.status).toBe('waiting');

		const answered = await postForm(link, { answer: 'approve' });
		expect(answered.status).toBe(200);
		expect(await answered.text()).toContain('your answer has been recorded');
		const done = await server.resumed();
		expect(done.error).toBeUndefined();
		expect(done.status).toBe('success');
		const [output] = done.json('Ask');
		expect(output).toEqual({
			data: { approved: true },
			respondedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			messageId: sms.id,
			phone: '+79991234567',
		});
		expect(Date.now() - Date.parse(String(output.respondedAt))).toBeLessThan(60_000);
		expect(done.json('After')).toEqual([output]);
		expect(done.output('Ask')[0].pairedItem).toEqual({ item: 0 });

		// A second answer changes nothing, and nothing more is sent.
		const again = await postForm(link, { answer: 'decline' });
		expect(await again.text()).toMatch(/No action required/);
		expect(server.latest()).toBe(done);
		expect(emu.getMessages({ login })).toHaveLength(1);
	});

	it('goes on with approved: false when the person declines', async () => {
		const login = messageAccount(emu);
		const { server } = await ask(login, {
			to: '+79991234567',
			message: 'Deploy?',
			approvalOptions: { values: { approvalType: 'double' } },
		});
		const link = linkIn(smsTo(login).text);
		const html = await (await fetch(link)).text();
		expect(html).toContain('>Approve</button>');
		expect(html).toContain('>Decline</button>');
		await postForm(link, { answer: 'decline' });
		expect((await server.resumed()).json('After')[0].data).toEqual({ approved: false });
	});

	it('offers only Approve by default and refuses a decline it did not offer', async () => {
		const login = messageAccount(emu);
		const { server } = await ask(login, { to: '+79991234567', message: 'Confirm shift' });
		const link = linkIn(smsTo(login).text);
		const html = await (await fetch(link)).text();
		expect(html).toContain('value="approve">Approve</button>');
		expect(html).not.toContain('decline');
		const refused = await postForm(link, { answer: 'decline' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('Please choose one of the buttons.');
		expect(server.latest()?.status).toBe('waiting');
		await postForm(link, { answer: 'approve' });
		expect((await server.resumed()).json('Ask')[0].data).toEqual({ approved: true });
	});

	it('takes a free-text answer, refusing an empty one, and escapes what the page echoes', async () => {
		const login = messageAccount(emu);
		const { server } = await ask(login, {
			to: '+79991234567',
			message: 'Why <b>"late"</b> & when?',
			responseType: 'freeText',
		});
		const link = linkIn(smsTo(login).text);
		const html = await (await fetch(link)).text();
		expect(html).toContain('Why &lt;b&gt;&quot;late&quot;&lt;/b&gt; &amp; when?');
		expect(html).toContain('<textarea name="text"');
		const empty = await postForm(link, { text: '   ' });
		expect(empty.status).toBe(400);
		expect(await empty.text()).toContain('Please type an answer');
		expect(server.latest()?.status).toBe('waiting');
		await postForm(link, { text: ' Traffic <jam>, 20 min ' });
		const done = await server.resumed();
		expect(done.json('Ask')[0]).toMatchObject({ data: { text: 'Traffic <jam>, 20 min' } });
	});

	it('refuses a link with a forged or missing signature and resumes nothing', async () => {
		const login = messageAccount(emu);
		const { server } = await ask(login, { to: '+79991234567', message: 'Open the gate?' });
		const link = linkIn(smsTo(login).text);
		const forged = link.replace(
			/signature=([0-9a-f])/,
			(_, c: string) => `signature=${c === 'a' ? 'b' : 'a'}`,
		);
		expect(forged).not.toBe(link);
		for (const url of [forged, link.replace(/\?signature=.*$/, '')]) {
			expect((await fetch(url)).status).toBe(401);
			expect((await postForm(url, { answer: 'approve' })).status).toBe(401);
		}
		expect(server.calls.every((call) => call.result === undefined)).toBe(true);
		expect(server.latest()?.status).toBe('waiting');
	});

	it('passes Sender and Shorten Links to SMSC (sender, tinyurl=1)', async () => {
		const login = messageAccount(emu);
		await ask(login, {
			to: '+79991234567',
			message: 'Approve?',
			options: { sender: { __rl: true, mode: 'list', value: 'MyShop' }, shortenLinks: true },
		});
		const [request] = requests(emu, login);
		expect(request).toEqual({
			phones: '+79991234567',
			mes: expect.stringMatching(/^Approve\?\nhttp:\/\/127\.0\.0\.1:\d+\/webhook-waiting\//),
			id: expect.stringMatching(/^n8n\./),
			sender: 'MyShop',
			tinyurl: '1',
		});
	});

	it('waits until Limit Wait Time and then goes on with the input item, as n8n does for its own nodes', async () => {
		const login = messageAccount(emu);
		const before = Date.now();
		const { server, first } = await ask(
			login,
			{
				to: '+79991234567',
				message: 'Still there?',
				options: {
					limitWaitTime: {
						values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' },
					},
				},
			},
			[{ order: 9 }],
		);
		const until = first.run!.waitTill!.getTime();
		expect(until).toBeGreaterThanOrEqual(before + 2 * 3600_000);
		expect(until).toBeLessThan(Date.now() + 2 * 3600_000 + 1000);
		expect(first.json('Ask')[0].waitingUntil).toBe(new Date(until).toISOString());
		const done = await server.timeOut();
		expect(done.status).toBe('success');
		expect(done.json('After')).toEqual([{ order: 9 }]);
	});

	it.each([
		['no phone', { to: '={{ $json.nothing }}' }, /The To is empty/],
		['a malformed phone', { to: '12ab' }, /^"12ab" in To is not a phone number/],
		['several phones', { to: '+79991234567, +79991234568' }, /To holds 2 phone numbers/],
		['an empty message', { message: '  ' }, /The Message is empty/],
		[
			"a message with SMSC's comment line",
			{ message: 'Approve order 7?\n~~~\nnote for us' },
			/SMSC reads as the start of a comment/,
		],
		[
			'a Cyrillic sender name',
			{ options: { sender: 'Магазин' } },
			/characters SMSC does not allow/,
		],
		[
			'a wait limit in the past',
			{
				options: {
					limitWaitTime: {
						values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00Z' },
					},
				},
			},
			/2020-01-01T00:00:00.000Z has already passed/,
		],
		[
			'a zero wait',
			{
				options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 0 } } },
			},
			/must be a positive number/,
		],
	])('refuses %s before any SMS is sent', async (_, parameters, message) => {
		const login = messageAccount(emu);
		const { first } = await ask(login, { to: '+79991234567', message: 'Q?', ...parameters });
		expect(first.error?.message).toMatch(message);
		expect(first.error?.message).toMatch(/\[item 0\]/);
		expect(first.status).not.toBe('waiting');
		expect(requests(emu, login)).toEqual([]);
	});

	it('asks once per execution, from the first item only', async () => {
		const login = messageAccount(emu);
		await ask(login, { to: '={{ $json.phone }}', message: '={{ "Hi " + $json.name }}' }, [
			{ phone: '+79991234567', name: 'Ann' },
			{ phone: '+79991234568', name: 'Bob' },
		]);
		expect(requests(emu, login).map((r) => [r.phones, r.mes.split('\n')[0]])).toEqual([
			['+79991234567', 'Hi Ann'],
		]);
	});
});

describe('Message: Send and Wait for Response keeps its link out of errors', () => {
	it.each([
		['fails', false],
		['gives an error item with Continue On Fail', true],
	])('%s without the link signature when a page echoes the request', async (_, continueOnFail) => {
		const login = messageAccount(emu);
		emu.failNext({ mode: 'echo', script: 'send' });
		const { result, json } = await runMessage(
			emu,
			login,
			{ operation: 'sendAndWait', to: '+79991234567', message: 'Q?' },
			{ continueOnFail },
		);
		const [sent] = emu.getLog({ login, script: 'send' });
		const signature = new URL(linkIn(String(sent.params.mes))).searchParams.get('signature');
		expect(signature).toMatch(/^[0-9a-f]{64}$/);
		const message = continueOnFail ? String(json[0].error) : String(result.error?.message);
		// the echoed form reached the error where the signature was, and only its mark is left
		expect(message).toMatch(/SMSC answered HTTP 502.*mes=Q%3F%0Ahttp.*signature%3D\*\*\*/);
		expect(message).toMatch(/\[item 0\]/);
		// no piece of the signature either, in the error object or the output
		const pieces = Array.from({ length: 7 }, (_, i) => signature!.slice(i * 8, i * 8 + 12));
		expect(findSecrets(continueOnFail ? json : result.error, [...pieces, PASSWORD])).toEqual([]);
		if (continueOnFail) expect(json[0]).toMatchObject({ itemIndex: 0 });
		else expect(result.error?.errorName ?? result.error?.name).toBe('NodeApiError');
	});
});

describe('Message: Send and Wait for Response refuses bad input as an item error with its hint', () => {
	it.each([
		[
			'several phones',
			{ to: '+79991234567, +79991234568', message: 'Q?' },
			/To holds 2 phone numbers/,
			/in an execution of their own/,
		],
		[
			"SMSC's comment line",
			{ to: '+79991234567', message: 'Q?\n~~~\nnote' },
			/start of a comment/,
			/Remove the "~~~" line/,
		],
		[
			'a Cyrillic sender name',
			{ to: '+79991234567', message: 'Q?', options: { sender: 'Магазин' } },
			/characters SMSC does not allow/,
			/English letters, digits, spaces/,
		],
	])(
		'%s: NodeOperationError naming item 0, the hint kept with Continue On Fail',
		async (_, parameters, message, hint) => {
			const login = messageAccount(emu);
			const failed = await runMessage(emu, login, { operation: 'sendAndWait', ...parameters });
			expect(failed.result.error?.errorName).toBe('NodeOperationError');
			expect(failed.result.error?.message).toMatch(message);
			expect(failed.result.error?.description).toMatch(hint);
			const { json } = await runMessage(
				emu,
				login,
				{ operation: 'sendAndWait', ...parameters },
				{ continueOnFail: true, items: [{}, {}] },
			);
			expect(json).toEqual([
				{
					error: expect.stringMatching(/\[item 0\]$/),
					errorDetails: expect.stringMatching(hint),
					itemIndex: 0,
				},
			]);
			expect(requests(emu, login)).toEqual([]);
		},
	);
});

describe("Message: Send and Wait for Response with n8n's Retry On Fail", () => {
	it('at version 2 is refused before the SMS, since a retry would ask again', async () => {
		const login = messageAccount(emu);
		const { result } = await runMessage(
			emu,
			login,
			{ operation: 'sendAndWait', to: '+79991234567', message: 'Ship it?' },
			{ typeVersion: 2, settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } },
		);
		expect(result.error?.errorName).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			/Turn off Retry On Fail.*Send and Wait for Response again/,
		);
		expect(requests(emu, login)).toEqual([]);
	});
});
