import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { SmscApi } from '../../credentials/SmscApi.credentials';
import { Smsc } from '../../nodes/Smsc/Smsc.node';
import { runWorkflow } from '../harness/run-workflow';
import type { WorkflowRunResult } from '../harness/run-workflow';
import type { CredentialsMap } from '../harness/credentials';
import { TransportProbe } from './TransportProbe.node';

export const SMSC_NODE = 'n8n-nodes-smsc.smsc';
export const PROBE_NODE = 'test.transportProbe';
export const DEMO = { login: 'demo', password: 'demo-password', apiKey: 'demo-api-key' };

/** An SmscApi credential pointing at an emulator (or any base URL). */
export function smscCredentials(baseUrl: string, data: IDataObject = {}): CredentialsMap {
	return {
		smscApi: {
			id: '1',
			name: 'SMSC test',
			data: { authentication: 'password', login: DEMO.login, password: DEMO.password, server: 'custom', baseUrl, ...data },
		},
	};
}

export interface RunNodeOptions {
	/** Input items for the node under test (one empty item by default). */
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: CredentialsMap;
	nodeType?: string;
}

/** Runs `Items → <node>` through n8n-core's engine and returns the result and the node's output. */
export async function runNode(
	baseUrl: string,
	parameters: IDataObject,
	options: RunNodeOptions = {},
): Promise<{ result: WorkflowRunResult; json: IDataObject[] }> {
	const type = options.nodeType ?? SMSC_NODE;
	const node: INode = {
		id: 'node-under-test',
		name: 'SMSC',
		type,
		typeVersion: 1,
		position: [200, 0],
		parameters: parameters as INodeParameters,
		credentials: { smscApi: { id: '1', name: 'SMSC test' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const result = await runWorkflow({
		workflow: {
			nodes: [
				{ id: 'items', name: 'Items', type: 'harness.items', typeVersion: 1, position: [0, 0], parameters: { items: (options.items ?? [{}]) as unknown as INodeParameters[] } },
				node,
			],
			connections: { Items: { main: [[{ node: 'SMSC', type: 'main', index: 0 }]] } },
		},
		nodeTypes: { [SMSC_NODE]: new Smsc(), [PROBE_NODE]: new TransportProbe() },
		credentialTypes: [new SmscApi()],
		credentials: options.credentials ?? smscCredentials(baseUrl),
	});
	const json = result.error ? [] : result.json('SMSC');
	return { result, json };
}
