/**
 * `npm run test:ui`: the package as people meet it, in n8n's editor in a real Chromium, against
 * the demo's stack (n8n with the packed package, the SMSC emulator). Every check reads what the
 * page shows. Screenshots go to test/ui/screenshots/; SMSC_UI_DOCS=1 also refreshes the curated
 * ones in docs/ that the README shows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OWNER } from '../e2e/lib/api';
import { DEMO_LOGIN } from '../e2e/lib/emulator';
import { repoRoot } from '../e2e/lib/paths';
import { report, seconds } from '../e2e/lib/report';
import { openBrowser, ensureChromium } from './lib/browser';
import type { Browser } from './lib/browser';
import { Editor, exactly } from './lib/editor';
import {
	AI_AGENT,
	BULK_EXAMPLE,
	EVENTS_EXAMPLE,
	GROUP_NAME,
	OTHER_GROUP_NAME,
	SAVED_BULK,
	SAVED_TRIGGER,
	SEND_AND_WAIT,
	SEND_AND_WAIT_PAGE,
	SENDER_NAMES,
	TESTED_CREDENTIAL,
	UNKNOWN_MESSAGE,
	startUiStack,
} from './lib/uiStack';
import type { UiStack } from './lib/uiStack';

jest.setTimeout(20 * 60 * 1000);

const SHOTS = path.join(repoRoot, 'test', 'ui', 'screenshots');
/** Every time the package outputs: ISO 8601 in SMSC's Moscow time, with its zone. */
const ISO_MOSCOW = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/;
/** The documentation pages the panels' "Docs" links open (issue 26: never a #fragment). */
const DOCS_PAGES = 'https://github.com/n8n-nodes-smsc/n8n-nodes-smsc/blob/main/docs/';
const DOCS = path.join(repoRoot, 'docs');

let ui: UiStack;
let browser: Browser;
let editor: Editor;

/** A curated screenshot: kept in docs/ for the README when SMSC_UI_DOCS=1. */
function curate(file: string, name: string): void {
	if (process.env.SMSC_UI_DOCS !== '1') return;
	fs.mkdirSync(DOCS, { recursive: true });
	fs.copyFileSync(file, path.join(DOCS, `${name}.png`));
}

const workflowId = (name: string) => {
	const workflow = ui.workflows[name];
	if (!workflow) throw new Error(`no workflow ${name}`);
	return workflow.id;
};

beforeAll(async () => {
	const started = Date.now();
	ensureChromium(report);
	ui = await startUiStack();
	browser = await openBrowser();
	editor = new Editor(browser.page, ui.stack.n8n.baseUrl, SHOTS);
	report(`ui: stack and browser ready in ${seconds(Date.now() - started)} (log: ${ui.logFile})`);
	await editor.signIn(OWNER.email, OWNER.password);
});

// Each step's name and time as it runs: the run is long, and a stuck step shows at once.
let stepStarted = 0;
beforeEach(() => {
	stepStarted = Date.now();
	report(`ui: ${expect.getState().currentTestName ?? ''}`);
});
let step = 0;
afterEach(async () => {
	report(`ui:   done in ${seconds(Date.now() - stepStarted)}`);
	// the page as the step left it, to see what a failed step saw (test/ui/screenshots/steps/)
	await editor?.screenshot(`steps/${String(++step).padStart(2, '0')}`).catch(() => undefined);
});

afterAll(async () => {
	await browser?.close();
	await ui?.stack.stop();
});

describe('nodes panel', () => {
	it('finds the three SMSC nodes by searching "SMSC" and lists the actions of the SMSC node', async () => {
		// after a trigger, as a user adds a step: the panel lists actions, not triggers
		await editor.openWorkflow(workflowId('SMSC: send an SMS'));
		await editor.openNodeCreator();
		await editor.searchNodes('SMSC');
		expect(await editor.nodeCreatorItems()).toEqual(expect.arrayContaining(['SMSC', 'SMSC Poll']));
		await editor.pickNodeCreatorItem('SMSC');
		const actions = await editor.nodeCreatorActions();
		expect(actions).toEqual(
			expect.arrayContaining([
				'Send a message',
				'Get the account balance',
				'Create a contact',
				'Create a group',
			]),
		);
		curate(await editor.screenshot('node-panel'), 'node-panel');
	});
});

/**
 * What each channel of Message > Send shows: its own fields, and in Options only what applies to
 * it.
 */
const COMMON_OPTIONS = [
	'Client Message ID',
	'Comment',
	'Cost Reporting',
	'Hour Window',
	'Per-Recipient Details',
	'Send After (Minutes)',
	'Send At',
	'Spread Over (Hours)',
	'Spread Step (Minutes)',
	'Time Zone (Hours From Moscow)',
	'Validity',
];
const TEXT_SMS_OPTIONS = ['Max SMS Parts', 'Sender Name', 'Shorten Links', 'Translit'];
/** The demo account's e-mail sender address (an approved sender with senders.php's mail: 1). */
const MAIL_SENDER = 'shop@example.com';
/** Settings of the run, not of the message: in their own Bulk Options (defect 2). */
const BULK_OPTIONS = ['Batch Size', 'Batching', 'Concurrency', 'Include Raw Response'];

interface ChannelView {
	channel: string;
	fields: string[];
	/** Options that must be offered. */
	options: string[];
	/** Options that must not be offered. */
	notOptions: string[];
}

const CHANNELS: ChannelView[] = [
	{
		channel: 'SMS',
		fields: ['Phone Numbers', 'Message'],
		options: [...COMMON_OPTIONS, ...TEXT_SMS_OPTIONS],
		notOptions: BULK_OPTIONS,
	},
	{
		channel: 'Flash SMS',
		fields: ['Phone Numbers', 'Message'],
		options: ['Max SMS Parts', 'Translit', 'Sender Name'],
		notOptions: [],
	},
	{
		channel: 'Viber',
		fields: ['Phone Numbers', 'Message'],
		options: ['Sender Name'],
		notOptions: ['Max SMS Parts'],
	},
	{
		channel: 'Telegram',
		fields: ['Phone Numbers', 'Code'],
		options: [],
		notOptions: ['Max SMS Parts'],
	},
	{
		channel: 'Telegram Bot',
		fields: ['Phone Numbers', 'Message', 'Bot Name'],
		options: [],
		notOptions: ['Max SMS Parts'],
	},
	{
		channel: 'HLR Lookup',
		fields: ['Phone Numbers'],
		options: [],
		notOptions: ['Translit', 'Max SMS Parts', 'Shorten Links'],
	},
	{
		channel: 'Ping',
		fields: ['Phone Numbers'],
		options: [],
		notOptions: ['Translit', 'Max SMS Parts', 'Shorten Links'],
	},
	{
		channel: 'Voice Call',
		fields: ['Phone Numbers', 'Message', 'Voice', 'Call Options'],
		options: [],
		notOptions: ['Translit', 'Max SMS Parts', 'Shorten Links'],
	},
	{
		channel: 'E-Mail',
		fields: ['Email Addresses', 'Message', 'Subject', 'Sender Email'],
		options: [],
		notOptions: ['Max SMS Parts', 'Translit', 'Sender Name', 'Validity'],
	},
	{
		channel: 'WAP Push',
		fields: ['Phone Numbers', 'Link', 'Link Title'],
		options: [],
		notOptions: ['Translit', 'Max SMS Parts'],
	},
	{
		channel: 'Binary',
		fields: ['Phone Numbers', 'Hex Message'],
		options: [],
		notOptions: ['Translit', 'Shorten Links'],
	},
];

describe('Message > Send, channel by channel', () => {
	beforeAll(async () => {
		await editor.openWorkflow(workflowId('UI: channels'));
		await editor.openNode('Send SMS');
	});

	it.each(CHANNELS.map((c) => [c.channel, c]))(
		'%s shows its own fields and options',
		async (_name, view) => {
			const c = view as ChannelView;
			await editor.selectOption('channel', c.channel);
			const labels = await editor.parameterLabels();
			for (const field of c.fields) expect(labels).toContain(field);
			// defect 1: the Telegram hint showed under Phone Numbers on every phone channel
			expect(await editor.ndv().innerText()).not.toMatch(/Telegram user ID/);
			const options = await editor.collectionOptions('Options');
			for (const option of c.options) expect(options).toContain(option);
			for (const option of c.notOptions) expect(options).not.toContain(option);
			if (c.channel === 'SMS') {
				expect(await editor.collectionOptions('Bulk Options')).toEqual(BULK_OPTIONS);
				curate(await editor.screenshot('channel-sms', editor.ndv()), 'channel-fields');
			}
			if (c.channel === 'Voice Call') await editor.screenshot('channel-voice', editor.ndv());
		},
	);
});

/**
 * Opens the Send SMS node of a workflow, then its sender name picker and its contact group picker
 * in turn, each read by `read` while open and closed after.
 */
async function readBothPickers<T>(
	workflowName: string,
	read: (picker: 'sender' | 'group') => Promise<T>,
): Promise<{ sender: T; group: T }> {
	await editor.openWorkflow(workflowId(workflowName));
	await editor.openNode('Send SMS');
	await editor.addCollectionOption('Options', 'Sender Name');
	const sender = await read('sender');
	await editor.closePicker();
	await editor.selectOption('recipientType', 'Contact Group');
	const group = await read('group');
	await editor.closePicker();
	return { sender, group };
}

describe('pickers', () => {
	it("Sender Name lists the account's approved names, and is not marked invalid when added", async () => {
		await editor.openWorkflow(workflowId('UI: pickers'));
		await editor.openNode('Send SMS');
		await editor.addCollectionOption('Options', 'Sender Name');
		await editor.page.waitForTimeout(500);
		expect(await editor.ndv().innerText()).not.toMatch(/is not supported/);
		const names = await editor.openPicker('sender');
		expect(names).toEqual(expect.arrayContaining(SENDER_NAMES));
		// issue 26: the account's e-mail sender (senders.php marks it mail: 1) is not offered for an SMS
		expect(names).not.toContain(MAIL_SENDER);
		curate(await editor.screenshot('picker-sender-name', editor.ndv()), 'picker');
		await editor.closePicker();
	});

	it("Contact Group lists the account's groups and can be searched", async () => {
		await editor.selectOption('recipientType', 'Contact Group');
		const groups = (await editor.openPicker('group')).join('\n');
		expect(groups).toContain(GROUP_NAME);
		expect(groups).toContain(OTHER_GROUP_NAME);
		// defect 12: the group list had no search box
		const found = (await editor.searchPicker('cust')).join('\n');
		expect(found).toContain(GROUP_NAME);
		expect(found).not.toContain(OTHER_GROUP_NAME);
		await editor.screenshot('picker-group', editor.ndv());
		await editor.closePicker();

		// issue 26: the mode selector showed "By Numt", a label too long for its box
		await editor.byId('rlc-mode-selector', editor.parameter('group')).first().click();
		const modes = await editor.openDropdownOptions();
		expect(modes).toContain('Number');
		expect(modes).not.toContain('By Number');
		await editor.page
			.locator('[role=option]:visible')
			.filter({ hasText: exactly('Number') })
			.first()
			.click();
		expect(await editor.locatorMode('group')).toEqual({ label: 'Number', fits: true });
		await editor.screenshot('group-mode-number', editor.parameter('group'));
	});

	it('with a wrong password both pickers show the package\'s English error, not "[object Object]"', async () => {
		const errors = await readBothPickers('UI: wrong password', async (picker) => {
			const error = await editor.pickerError(picker);
			if (picker === 'sender') await editor.screenshot('picker-wrong-password', editor.ndv());
			return error;
		});
		expect(errors.sender).not.toContain('[object Object]');
		expect(errors.sender).toMatch(/rejected the login and password or the API key \(error 2\)/);
		expect(errors.group).toMatch(/rejected the login and password or the API key \(error 2\)/);
	});
});

describe('pickers of a new account', () => {
	it('with no approved sender name and no contact group, each list says what to do instead of "No results"', async () => {
		const lists = await readBothPickers('UI: new account', async (picker) => {
			const list = (await editor.openPicker(picker)).join('\n');
			await editor.screenshot(`picker-${picker}-empty`, editor.ndv());
			return list;
		});
		expect(lists.sender).toContain(
			'No approved sender names yet: add one with Sender Name > Create',
		);
		expect(lists.sender).not.toMatch(/No results/i);
		expect(lists.group).toContain('No contact groups yet: create one with Group > Create');
		expect(lists.group).not.toMatch(/No results/i);
	});
});

describe('running a step', () => {
	it('Execute step sends the SMS and the output panel shows the message id, parts and cost', async () => {
		await editor.openWorkflow(workflowId('SMSC: send an SMS'));
		await editor.openNode('Send SMS');
		await editor.addCollectionOption('Options', 'Cost Reporting');
		await editor.selectOption('costReport', 'Cost');
		await editor.executeStep();
		const output = await editor.outputJson();
		expect(output).toHaveLength(1);
		expect(typeof output[0].id).toBe('number');
		expect(output[0].parts).toBe(1);
		expect(typeof output[0].cost).toBe('number');
		const text = await editor.outputText();
		expect(text).toContain('parts');
		expect(text).toContain('cost');
		await editor.screenshot('send-output', editor.ndv());
		// issue 26: n8n adds its query after a #fragment, which then never matched a heading
		const docs = await editor.docsLink();
		expect(docs.startsWith(`${DOCS_PAGES}smsc-node.md`)).toBe(true);
		expect(docs).not.toContain('#');
		await editor.closeNdv();
	});

	it('the canvas subtitle reads as words, not raw values', async () => {
		const subtitle = await editor.canvasSubtitle('Send SMS');
		expect(subtitle).toBe('Send a message');
	});
});

describe('credential test', () => {
	it('succeeds with the emulator account, then reads the English reason for a wrong password and a wrong Base URL', async () => {
		await editor.openCredential(TESTED_CREDENTIAL.ref.name);
		const ok = /Connection tested successfully/i;
		expect(await editor.credentialTestResult(ok)).toMatch(ok);
		curate(await editor.screenshot('credential-ok', editor.credentialModal()), 'credential-test');

		await editor.fillCredentialField('password', 'wrong-password');
		await editor.saveCredential();
		const wrongPassword = /rejected the login and password or the API key \(error 2\)/;
		expect(await editor.credentialTestResult(wrongPassword)).toMatch(wrongPassword);
		await editor.screenshot('credential-wrong-password', editor.credentialModal());

		await editor.fillCredentialField('password', 'demo-password');
		await editor.fillCredentialField('baseUrl', `${ui.stack.emulator.url}/not-smsc`);
		await editor.saveCredential();
		const wrongUrl = await editor.credentialTestResult(/not like SMSC/);
		expect(wrongUrl).toMatch(/not like SMSC/);
		expect(wrongUrl).not.toMatch(/resource could not be found/i);
		await editor.screenshot('credential-wrong-url', editor.credentialModal());
		await editor.closeCredential();
	});
});

/**
 * Executes the open trigger step and, while it listens, points SMSC's handler at `handlerUrl` and
 * has SMSC send one incoming SMS: the panel's output, which must be that one event.
 */
async function incomingWhileListening(
	handlerUrl: string,
	incoming: Record<string, string>,
): Promise<Array<Record<string, unknown>>> {
	await editor.executeStep({ wait: false });
	await editor.waitForListening();
	await ui.stack.emulator.call('setHandlerUrl', { login: DEMO_LOGIN, url: handlerUrl });
	await ui.stack.emulator.call('injectIncoming', { login: DEMO_LOGIN, ...incoming });
	const output = await editor.outputJson();
	expect(output).toHaveLength(1);
	return output;
}

describe('SMSC Trigger', () => {
	it("version 3 (new nodes, the example): n8n's Webhook URLs show the whole URL to paste, a numbered notice says where, and a test event arrives with the package's fields", async () => {
		await editor.openWorkflow(workflowId(EVENTS_EXAMPLE));
		await editor.openNode('SMSC Trigger');
		const panel = await editor.ndv().innerText();
		// issue 26: short numbered steps pointing at Webhook URLs; no hand-built URL field
		for (const step of [
			'1. Make up a Secret Token below.',
			'2. Open Webhook URLs at the top of this panel and copy the Production URL. It ends with your token.',
			'3. In your SMSC account, open Settings and paste it into Handler URL',
			'4. Publish this workflow.',
		])
			expect(panel).toContain(step);
		expect(panel).not.toContain('YOUR_N8N_URL');
		const labels = await editor.parameterLabels();
		expect(labels).not.toContain('Handler URL');
		expect(labels).not.toContain('Test Handler URL');
		expect(panel).toContain(
			'Use at least 16 characters: letters, digits, ".", "_", "~" or "-". The workflow cannot be published until the token follows this rule.',
		);

		const token = 'UiTestToken3-0123456789abcdef';
		await editor.fillParameter('token', token);
		const n8nAddress = ui.stack.n8n.baseUrl.replace(/\/$/, '');
		// the Production URL last, so the panel shows what step 2 of the notice says to copy
		const test = await editor.webhookUrls('Test URL');
		const production = await editor.webhookUrls('Production URL');
		expect(production.length).toBeGreaterThan(0);
		for (const url of production)
			expect(url).toMatch(new RegExp(`^${n8nAddress}/webhook/[0-9a-f-]{36}/smsc/${token}$`));
		expect(test).toEqual(production.map((url) => url.replace('/webhook/', '/webhook-test/')));
		curate(await editor.screenshot('trigger-panel', editor.ndv()), 'trigger-panel');
		const docs = await editor.docsLink();
		expect(docs.startsWith(`${DOCS_PAGES}smsc-trigger.md`)).toBe(true);
		expect(docs).not.toContain('#');

		// what the notice says: Execute step, paste the Test URL into SMSC, an event arrives
		const output = await incomingWhileListening(test[0], {
			phone: '79991230003',
			mes: 'Is my table booked?',
			to: '74950000101',
		});
		// issue 26: the phone as the Send writes it, times as ISO with the zone, SMSC's fields under raw
		expect(output[0]).toMatchObject({
			event: 'incomingMessage',
			text: 'Is my table booked?',
			phone: '+79991230003',
			to: '+74950000101',
		});
		expect(String(output[0].sentDate)).toMatch(ISO_MOSCOW);
		expect(output[0].raw).toMatchObject({ phone: '79991230003', mes: 'Is my table booked?' });
		expect(Object.keys(output[0])).not.toContain('mes');
		curate(await editor.screenshot('trigger-test-event-version-3', editor.ndv()), 'trigger-event');
		await editor.closeNdv();
	});

	it('version 2 (saved workflows) shows the ready-to-paste handler URL with the token, and a test event arrives the way the panel says', async () => {
		const schema404: string[] = [];
		editor.page.on('response', (res) => {
			if (res.status() === 404 && /schemas?\//.test(res.url()) && /smsc/i.test(res.url()))
				schema404.push(res.url());
		});
		await editor.openWorkflow(workflowId(SAVED_TRIGGER));
		await editor.openNode('SMSC Trigger');
		const token = 'UiTestToken-0123456789abcdef';
		// The rule is a hint under the field (no regex display condition: see test/unit/SmscTrigger/description.test.ts).
		expect(await editor.ndv().innerText()).toContain(
			'Use at least 16 characters: letters, digits, ".", "_", "~" or "-". The workflow cannot be published until the token follows this rule.',
		);
		await editor.fillParameter('token', token);

		// n8n 2.41 works out an expression's preview when the panel shows it: open it again, as a
		// user coming back to copy the URL does
		await editor.closeNdv();
		await editor.openNode('SMSC Trigger');
		await editor.screenshot('trigger-panel-version-2', editor.ndv());
		// defect 3: both URLs ready to paste but for n8n's own address, the token in clear
		const handlerUrl = await editor.expressionPreview('handlerUrl');
		const ending = `/smsc?token=${token}&charset=utf-8`;
		expect(handlerUrl).toMatch(
			new RegExp(`^YOUR_N8N_URL/webhook/[0-9a-f-]{36}${ending.replace(/[?.]/g, '\\$&')}$`),
		);
		const testHandlerUrl = await editor.expressionPreview('testHandlerUrl');
		expect(testHandlerUrl).toBe(handlerUrl.replace('/webhook/', '/webhook-test/'));

		// what the notice says: press "Execute step", paste the Test Handler URL (with the n8n
		// address) into SMSC, and an event SMSC sends while the panel listens shows up here
		expect(await editor.ndv().innerText()).toMatch(
			/press "Execute step", paste the Test Handler URL below into SMSC/,
		);
		const n8nAddress = ui.stack.n8n.baseUrl.replace(/\/$/, '');
		const output = await incomingWhileListening(
			testHandlerUrl.replace('YOUR_N8N_URL', n8nAddress),
			{ phone: '79991230001', mes: 'Is my order ready?' },
		);
		// defect 4: numbers as numbers and the Poll Trigger's names (text, to), times as ISO
		expect(output[0]).toMatchObject({
			event: 'incomingMessage',
			text: 'Is my order ready?',
			phone: '79991230001',
		});
		expect(typeof output[0].id).toBe('number');
		expect(String(output[0].sentIso)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		await editor.screenshot('trigger-test-event', editor.ndv());
		expect(schema404).toEqual([]);
		await editor.closeNdv();
		expect(await editor.canvasSubtitle('SMSC Trigger')).not.toMatch(
			/deliveryStatus|incomingMessage/,
		);
	});
});

/** Runs a whole workflow from the canvas, then opens one of its nodes: that node's output items. */
async function runAndOpen(
	workflowName: string,
	nodeName: string,
): Promise<Array<Record<string, unknown>>> {
	await editor.openWorkflow(workflowId(workflowName));
	await editor.executeWorkflow();
	await editor.openNode(nodeName);
	return editor.outputJson();
}

describe('workflows', () => {
	it('the bulk send saved with version 1 (unchanged) sends one personal SMS per row, in one SMSC request (one message id)', async () => {
		const output = await runAndOpen(SAVED_BULK, 'Send Personal SMS');
		expect(output).toHaveLength(3);
		expect(new Set(output.map((item) => item.id)).size).toBe(1);
		// defect 5: the output says why the items share an id and what partsEstimated means
		expect(output.map((item) => item.requestItems)).toEqual([3, 3, 3]);
		expect(String(output[0].note)).toMatch(
			/3 items went out in one SMSC request, so they share its message ID.*estimate/,
		);
		await editor.screenshot('bulk-output-version-1', editor.ndv());
		await editor.closeNdv();
	});

	it('version 2 (new nodes, the bulk example): bulk items share the id without a per-item note, bookkeeping or bare phones', async () => {
		const output = await runAndOpen(BULK_EXAMPLE, 'Send Personal SMS');
		expect(output).toHaveLength(3);
		expect(new Set(output.map((item) => item.id)).size).toBe(1);
		for (const item of output) {
			expect(Object.keys(item)).not.toEqual(
				expect.arrayContaining([expect.stringMatching(/^(note|requestItems|partsEstimated)$/)]),
			);
		}
		expect(output.map((item) => item.phones)).toEqual([
			['+79991234501'],
			['+79991234502'],
			['+79991234503'],
		]);
		curate(await editor.screenshot('bulk-output-version-2', editor.ndv()), 'bulk-output');
		await editor.closeNdv();
	});

	it('version 2: Get Status names the fields as the triggers do, and a message SMSC does not know is an error item', async () => {
		const [status] = await runAndOpen('UI: status (version 2)', 'Get Status');
		expect(status).toMatchObject({ phone: '+79991234567', statusName: expect.any(String) });
		expect(String(status.lastDate)).toMatch(ISO_MOSCOW);
		expect((status.raw as Record<string, unknown>).last_date).toEqual(expect.any(String));
		await editor.screenshot('status-output-version-2', editor.ndv());
		await editor.closeNdv();

		await editor.openNode('Status of an Unknown Message');
		const unknown = await editor.outputJson();
		expect(unknown).toHaveLength(1);
		expect(String(unknown[0].error)).toContain(
			`SMSC has no message ${UNKNOWN_MESSAGE.id} to ${UNKNOWN_MESSAGE.phone} (status -3, not found)`,
		);
		expect(Object.keys(unknown[0])).not.toEqual(
			expect.arrayContaining([expect.stringMatching(/^(statusName|final|errorDescription)$/)]),
		);
		await editor.screenshot('status-unknown-version-2', editor.ndv());
		await editor.closeNdv();
	});

	it('with Continue On Fail a bad number becomes an error item and the good one is still sent', async () => {
		const output = await runAndOpen('UI: Continue On Fail', 'Send SMS');
		expect(output).toHaveLength(2);
		expect(String(output[0].error ?? '')).toMatch(/not a number|phone/i);
		expect(typeof output[1].id).toBe('number');
		await editor.screenshot('continue-on-fail-output', editor.ndv());
		await editor.closeNdv();
	});
});

describe('Send and Wait for Response', () => {
	it('shows To, Message, Response Type with its approval options, and Options with Limit Wait Time, Sender Name and Shorten Links', async () => {
		await editor.openWorkflow(workflowId(SEND_AND_WAIT));
		await editor.openNode('Ask');
		expect(await editor.parameter('operation').locator('input').first().inputValue()).toBe(
			'Send and Wait for Response',
		);
		const approval = await editor.parameterLabels();
		expect(approval).toEqual(
			expect.arrayContaining([
				'To',
				'Message',
				'Response Type',
				'Approval Options',
				'Type of Approval',
				'Approve Button Label',
				'Decline Button Label',
				'Options',
			]),
		);
		expect(await editor.collectionOptions('Options')).toEqual([
			'Limit Wait Time',
			'Sender Name',
			'Shorten Links',
		]);
		await editor.addCollectionOption('Options', 'Limit Wait Time');
		await editor.page.waitForTimeout(300);
		expect(await editor.parameterLabels()).toEqual(
			expect.arrayContaining(['Limit Wait Time', 'Limit Type', 'Amount', 'Unit']),
		);
		// the Send's own picker of the account's approved names
		await editor.addCollectionOption('Options', 'Sender Name');
		const senders = await editor.openPicker('sender');
		expect(senders).toEqual(expect.arrayContaining(SENDER_NAMES));
		// the question goes out as an SMS: no e-mail sender (issue 26)
		expect(senders).not.toContain(MAIL_SENDER);
		await editor.closePicker();
		await editor.screenshot('send-and-wait-approval', editor.ndv());

		await editor.parameter('responseType').click();
		expect(await editor.openDropdownOptions()).toEqual(['Approval', 'Free Text']);
		await editor.page
			.locator('[role=option]:visible')
			.filter({ has: editor.page.getByText('Free Text', { exact: true }) })
			.first()
			.click();
		await editor.page.waitForTimeout(300);
		const freeText = await editor.parameterLabels();
		expect(freeText).toEqual(expect.arrayContaining(['To', 'Message', 'Response Type', 'Options']));
		expect(freeText).not.toContain('Approval Options');
		expect(freeText).not.toContain('Type of Approval');
		await editor.screenshot('send-and-wait-free-text', editor.ndv());
		await editor.closeNdv();
	});

	it('the link in the SMS of a waiting execution opens a page that fits a phone, with the question and both buttons', async () => {
		const phone = '79991230077';
		const question = 'Can we deliver your order tomorrow at 10:00?';
		const res = await fetch(SEND_AND_WAIT_PAGE.url(ui.stack.n8n.baseUrl), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ phone, question, type: 'approval', approval: 'double' }),
		});
		expect(res.status).toBe(200);
		await res.arrayBuffer();
		let messages: Array<{ text: string }> = [];
		for (const deadline = Date.now() + 60_000; messages.length === 0 && Date.now() < deadline;) {
			messages = await ui.stack.emulator.call<Array<{ text: string }>>('getMessages', {
				login: DEMO_LOGIN,
				phone,
			});
			if (messages.length === 0) await editor.page.waitForTimeout(250);
		}
		expect(messages).toHaveLength(1);
		const link = /(http:\/\/\S+)$/.exec(messages[0].text)?.[1] ?? '';
		expect(new URL(link).pathname).toMatch(/^\/webhook-waiting\//);

		const phonePage = await browser.context.newPage();
		try {
			await phonePage.setViewportSize({ width: 390, height: 844 });
			const opened = await phonePage.goto(link);
			expect(opened?.status()).toBe(200);
			expect((await phonePage.locator('p.q').innerText()).trim()).toBe(question);
			expect(await phonePage.locator('button').allInnerTexts()).toEqual(['Yes', 'No']);
			// nothing wider than the phone's screen: no sideways scrolling
			const width = await phonePage.evaluate(
				() =>
					(globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
						.document.documentElement.scrollWidth,
			);
			expect(width).toBeLessThanOrEqual(390);
			const file = path.join(SHOTS, 'send-and-wait-page.png');
			await phonePage.screenshot({ path: file });
			curate(file, 'send-and-wait-page');
		} finally {
			await phonePage.close();
		}
	});
});

/**
 * n8n 2.x turns a node with a `sendAndWait` operation into a "Human in the Loop" tool of its own
 * (n8n's tool-generation/hitl-tools): an agent's tool call waits for the person's approval by SMS.
 * test:ui runs on the newest n8n line (2.41), where this exists.
 */
describe('Send and Wait for Response as an AI Agent tool', () => {
	it("on n8n 2.41 the AI Agent's Tool list offers SMSC under Human in the Loop, with the question's fields", async () => {
		await editor.openWorkflow(workflowId(AI_AGENT));
		await editor.page
			.locator(
				'[data-test-id="canvas-node-input-handle"][data-connection-type="ai_tool"][data-node-name="AI Agent"]',
			)
			.locator('[data-test-id="canvas-handle-plus"]')
			.first()
			.click();
		await editor.byId('node-creator').waitFor();
		await editor.searchNodes('SMSC');
		const offered = await editor.byId('node-creator').innerText();
		expect(offered).toMatch(/Human in the Loop\s+SMSC\s+Request human approval for tools/);
		curate(await editor.screenshot('agent-tools-smsc'), 'send-and-wait-agent-tool');
		await editor.pickNodeCreatorItem('SMSC');
		await editor.ndv().waitFor();
		// n8n's own Message (the tool call as the default text); the SMS goes to To, with the approval buttons
		const labels = await editor.parameterLabels();
		expect(labels).toEqual(
			expect.arrayContaining(['Message', 'To', 'Approval Options', 'Options']),
		);
		expect(labels).not.toContain('Response Type');
		await editor.screenshot('agent-tool-smsc-panel', editor.ndv());
		await editor.closeNdv();
		// the tool hangs under the agent's Tool input
		expect(await editor.canvasNode('SMSC').count()).toBe(1);
	});
});
