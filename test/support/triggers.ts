/**
 * The SMSC triggers on the harness: the webhook trigger behind the harness's webhook server (n8n's
 * body parsing, WebhookContext, response rules), each started run executed as `Trigger → Done`;
 * the poll trigger through runPoll, with static data carried between polls.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { SmscApi } from '../../credentials/SmscApi.credentials';
import { SmscPollTrigger } from '../../nodes/SmscPollTrigger/SmscPollTrigger.node';
import { SmscTrigger } from '../../nodes/SmscTrigger/SmscTrigger.node';
import { NO_OP, runPoll, startWebhookServer } from '../harness';
import type { CredentialsMap, HarnessWebhookServer, WebhookCall, WorkflowJson } from '../harness';

export const TRIGGER_TYPE = 'n8n-nodes-smsc.smscTrigger';
export const TOKEN = 'k3Jd9sPq2LmX7vRt5wYz';

/** A date of an event item (shared/triggers/event.ts): ISO with Moscow's offset, as SMSC's times are. */
export const ISO_MOSCOW = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/;

/**
 * The event item (shared/triggers/event.ts) of a final status 20 with error 1, what the emulator
 * reports for a number set up with `setPhoneOutcome({ status: 20, err: 1 })`: the same fields
 * from the SMSC Trigger's version 3 and the SMSC Poll Trigger's version 2.
 */
export const UNDELIVERABLE_EVENT = {
	event: 'deliveryStatus',
	status: 20,
	statusName: 'undeliverable',
	failed: true,
	error: 1,
	errorDescription: 'Subscriber does not exist',
};

function workflowJson(parameters: IDataObject, typeVersion: number): WorkflowJson {
	return {
		id: 'trigger-workflow',
		nodes: [
			{
				id: 'trigger',
				name: 'Trigger',
				type: TRIGGER_TYPE,
				typeVersion,
				position: [0, 0],
				parameters: parameters as INode['parameters'],
				webhookId: '7f3c2a10-5d1e-4c53-9a0e-trigger0test',
			},
			{ id: 'done', name: 'Done', type: NO_OP, typeVersion: 1, position: [200, 0], parameters: {} },
		],
		connections: { Trigger: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	};
}

export interface TriggerServer {
	/** the Production URL n8n shows for the node (without the token) */
	url: string;
	/** every request, with the answer given */
	calls: WebhookCall[];
	/** the items of each workflow run the trigger started, as the next node received them */
	runs: IDataObject[][];
	staticData: IDataObject;
	harness: HarnessWebhookServer;
	/** resolves when every run started by the requests answered so far has finished */
	idle(): Promise<void>;
	activate(): Promise<void>;
	deactivate(): Promise<void>;
	close(): Promise<void>;
}

/** `typeVersion`: 2 unless given (versions 1 and 2 behave the same; 3 carries the token in the path and emits shared/triggers/event.ts items). */
export async function startTriggerServer(
	parameters: IDataObject,
	typeVersion = 2,
): Promise<TriggerServer> {
	const staticData: IDataObject = {};
	const harness = await startWebhookServer({
		nodeType: new SmscTrigger(),
		nodeName: 'Trigger',
		workflow: workflowJson(parameters, typeVersion),
		staticData,
	});
	return {
		url: harness.url,
		calls: harness.calls,
		get runs() {
			return harness.executions.map((execution) => {
				if (execution.error) throw execution.error;
				return execution.json('Done');
			});
		},
		staticData,
		harness,
		async idle() {
			// Called once the sender has its answers, by when every started run has been counted.
			await harness.waitForRuns(
				harness.calls.filter((call) => call.result?.workflowData !== undefined).length,
			);
		},
		activate: () => harness.activate(),
		deactivate: () => harness.deactivate(),
		close: () => harness.close(),
	};
}

export interface Poller {
	/** one poll, as n8n's poll timer (or "Fetch test event") runs it: the items emitted, [] for none */
	poll(mode?: 'trigger' | 'manual'): Promise<IDataObject[]>;
	staticData: IDataObject;
}

/** `typeVersion`: 1 unless given (version 2 emits the items of shared/triggers/event.ts). */
export function poller(
	parameters: IDataObject,
	credentials: CredentialsMap,
	staticData: IDataObject = {},
	typeVersion = 1,
): Poller {
	const nodeType = new SmscPollTrigger();
	return {
		staticData,
		async poll(mode = 'trigger') {
			const output = await runPoll(
				nodeType,
				parameters as INode['parameters'],
				credentials,
				staticData,
				{
					mode,
					credentialTypes: [new SmscApi()],
					typeVersion,
				},
			);
			return output ? output[0].map((item) => item.json) : [];
		},
	};
}
