/**
 * Runs `Items → <node>` workflows through the in-process n8n engine: the one place that writes the
 * workflow JSON and the SmscApi credential, for the integration tests and the benchmark alike.
 */
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { SmscApi } from '../../credentials/SmscApi.credentials';
import { HARNESS_ITEMS } from '../harness/builtin-nodes';
import { runWorkflow } from '../harness/run-workflow';
import type { WorkflowRunResult } from '../harness/run-workflow';
import type { CredentialsMap } from '../harness/credentials';
import { TransportProbe } from './TransportProbe.node';

// Written out with its extension: under tsx (the benchmark), `Smsc.node` would resolve to the codex file Smsc.node.json.
const { Smsc } =
	require('../../nodes/Smsc/Smsc.node.ts') as typeof import('../../nodes/Smsc/Smsc.node');

export const SMSC_NODE = 'n8n-nodes-smsc.smsc';
export const PROBE_NODE = 'test.transportProbe';
export const DEMO = { login: 'demo', password: 'demo-password', apiKey: 'demo-api-key' };

/** The node every test workflow starts with: it emits the run's input items (harness.items). */
export const ITEMS_NODE: INode = {
	id: 'items',
	name: 'Items',
	type: HARNESS_ITEMS,
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** An SmscApi credential pointing at an emulator (or any base URL). */
export function smscCredentials(baseUrl: string, data: IDataObject = {}): CredentialsMap {
	return {
		smscApi: {
			id: '1',
			name: 'SMSC test',
			data: {
				authentication: 'password',
				login: DEMO.login,
				password: DEMO.password,
				server: 'custom',
				baseUrl,
				...data,
			},
		},
	};
}

export interface RunNodeOptions {
	/** Input items for the node under test (one empty item by default). */
	items?: Array<INodeExecutionData | IDataObject>;
	/** On Error: Continue (`true`, n8n's regular output) or Continue using the error output. */
	continueOnFail?: boolean | 'errorOutput';
	credentials?: CredentialsMap;
	/** Default the SMSC node; the benchmark's engine floor runs `n8n-nodes-base.noOp` here. */
	nodeType?: string;
	/** More node types to register (the benchmark's floor node). */
	nodeTypes?: Record<string, INodeType>;
	/** The SMSC node's version: 1 unless given (version 2 changed some outputs, actions/version.ts). */
	typeVersion?: number;
	/** The node's Settings, e.g. `{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 }`. */
	settings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
}

/**
 * Runs `Items → <node>` and returns n8n's result as is. The items go in as the Items node's input,
 * not as a parameter, so they are plain data (no expressions) and cheap in bulk.
 */
export async function runNodeWorkflow(
	baseUrl: string,
	parameters: IDataObject,
	options: RunNodeOptions = {},
): Promise<WorkflowRunResult> {
	const node: INode = {
		id: 'node-under-test',
		name: 'SMSC',
		type: options.nodeType ?? SMSC_NODE,
		typeVersion: options.typeVersion ?? 1,
		position: [200, 0],
		parameters: parameters as INodeParameters,
		credentials: { smscApi: { id: '1', name: 'SMSC test' } },
		...options.settings,
		...(options.continueOnFail
			? {
					onError:
						options.continueOnFail === 'errorOutput'
							? ('continueErrorOutput' as const)
							: ('continueRegularOutput' as const),
				}
			: {}),
	};
	return await runWorkflow({
		workflow: {
			nodes: [ITEMS_NODE, node],
			connections: { Items: { main: [[{ node: 'SMSC', type: 'main', index: 0 }]] } },
		},
		nodeTypes: {
			[SMSC_NODE]: new Smsc(),
			[PROBE_NODE]: new TransportProbe(),
			...options.nodeTypes,
		},
		credentialTypes: [new SmscApi()],
		credentials: options.credentials ?? smscCredentials(baseUrl),
		inputItems: options.items ?? [{}],
	});
}

/** Runs `Items → <node>` and returns the result and the node's output JSON ([] if the run failed). */
export async function runNode(
	baseUrl: string,
	parameters: IDataObject,
	options: RunNodeOptions = {},
): Promise<{ result: WorkflowRunResult; json: IDataObject[] }> {
	const result = await runNodeWorkflow(baseUrl, parameters, options);
	return { result, json: result.error ? [] : result.json('SMSC') };
}
