/**
 * Map Automatically in a real n8n (`n8n execute`, the packed package): recipients and text come
 * from each item's fields by name; a missing field or an empty text names the item and the field.
 */
import { executeFailed, executeSucceeded } from './lib/n8n';
import type { ExecuteResult } from './lib/n8n';
import { createLog, report } from './lib/report';
import { startStack } from './lib/stack';
import type { Stack } from './lib/stack';
import { buildWorkflow, jsonStep, sendParameters, splitOutStep } from './lib/workflows';
import type { CredentialRef, Workflow } from './lib/workflows';

jest.setTimeout(10 * 60 * 1000);

const { file: logFile, log } = createLog('mapping');
let stack: Stack;

const GOOD = [
	{ phone: '+79991120001', message: 'Hello Anna' },
	{ phone: '+79991120002, +79991120003', message: 'Hello to both of you' },
	{ phone: 79991120004, message: 'Hello Vera' },
];
const MIXED = [
	{ phone: '+79991120011', message: 'Sent' },
	{ mobile: '+79991120012', message: 'No phone field' },
	{ phone: '+79991120013', message: '  ' },
	{ phone: '+79991120014', message: 'Sent too' },
];

/** Edit Fields (raw JSON) → Split Out → Send with Map Automatically. */
function autoSendWorkflow(
	credential: CredentialRef,
	name: string,
	recipients: object[],
	continueOnFail: boolean,
): Workflow {
	return buildWorkflow({
		name,
		credential,
		steps: [
			jsonStep('Recipients', { recipients }),
			splitOutStep('One Item per Recipient', 'recipients', 'Recipients'),
			{
				name: 'Send SMS',
				after: 'One Item per Recipient',
				...(continueOnFail ? { continueOnFail: true } : {}),
				parameters: sendParameters({
					dataMode: 'autoMapInputData',
					recipientField: 'phone',
					textField: 'message',
				}),
			},
		],
	});
}

const good = () => autoSendWorkflow(stack.credential, 'E2E map automatically', GOOD, false);
const mixed = () => autoSendWorkflow(stack.credential, 'E2E map automatically mixed', MIXED, true);
const stopping = () =>
	autoSendWorkflow(stack.credential, 'E2E map automatically stops', MIXED, false);

interface RunData {
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{
					data?: {
						main: Array<Array<{ json: Record<string, any>; pairedItem?: { item: number } }>>;
					};
				}>
			>;
		};
	};
}

function sendOutput(result: ExecuteResult) {
	const run = (result.data as RunData | undefined)?.data.resultData.runData['Send SMS'];
	if (!run) throw new Error(`Send SMS did not run:\n${result.stdout.slice(-3000)}`);
	return run[0].data?.main[0] ?? [];
}

async function execute(workflow: Workflow): Promise<ExecuteResult> {
	const result = await stack.n8n.execute(workflow.id);
	log(`execute ${workflow.id}: exit ${result.code}\n${result.stdout}\n${result.stderr}`);
	return result;
}

async function sentSince(since: number): Promise<string[]> {
	const sends = await stack.emulator.getLog({ since, script: 'send' });
	return sends.flatMap((s) => (s.params.list ?? `${s.params.phones}:${s.params.mes}`).split('\n'));
}

beforeAll(
	async () => {
		report(`mapping: process output in ${logFile}`);
		stack = await startStack({ log });
		await stack.n8n.importWorkflows([good(), mixed(), stopping()]);
	},
	15 * 60 * 1000,
);

afterAll(async () => {
	await stack?.stop();
});

describe('Send with Map Automatically in n8n', () => {
	it("sends each item's own text to the numbers in its phone field, paired with its item", async () => {
		const since = await stack.emulator.lastSeq();
		const result = await execute(good());
		expect(executeSucceeded(result).succeeded).toBe(true);
		const output = sendOutput(result);
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(output.map((item) => item.json.phones)).toEqual([
			['+79991120001'],
			['+79991120002', '+79991120003'],
			['79991120004'],
		]);
		expect((await sentSince(since)).sort()).toEqual(
			[
				'+79991120001:Hello Anna',
				'+79991120002,+79991120003:Hello to both of you',
				'79991120004:Hello Vera',
			].sort(),
		);
	});

	it('with Continue On Fail, a missing field and an empty text fail alone, naming item and field', async () => {
		const since = await stack.emulator.lastSeq();
		const result = await execute(mixed());
		expect(executeSucceeded(result).succeeded).toBe(true);
		expect(sendOutput(result).map((item) => item.json.error)).toEqual([
			undefined,
			'The item has no field "phone". [item 1]',
			'The field "message" of the item is empty. [item 2]',
			undefined,
		]);
		expect((await sentSince(since)).sort()).toEqual(['+79991120011:Sent', '+79991120014:Sent too']);
	});

	it('without it, the run stops before anything is sent', async () => {
		const since = await stack.emulator.lastSeq();
		const result = await execute(stopping());
		expect(executeFailed(result)).toBe(true);
		expect(`${result.stdout}\n${result.stderr}`).toMatch(/The item has no field "phone"/);
		expect(await sentSince(since)).toEqual([]);
	});
});
